// Tiny DOM builders. Text only ever goes in through text nodes / textContent, never as HTML, so
// anything the API returns (subjects, snippets, URLs) is inert.

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(node, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name === "class") node.setAttribute("class", String(value));
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "style" && typeof value === "object") Object.assign(node.style, value); // CSSOM: allowed by the CSP
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: el("button", { type: "button", onclick }, "Label"). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  apply(node, attrs);
  append(node, children);
  return node;
}

/** An SVG element, same rules. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, attrs);
  append(node, children);
  return node;
}

/** A labelled form field: <div class="field"><label for>…</label><input id>…<p class="hint"></div>. */
let fieldCount = 0;
export function field(label, inputAttrs, hint) {
  const id = inputAttrs.id ?? `f${++fieldCount}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const tag = inputAttrs.tag ?? "input";
  const { tag: _tag, ...attrs } = inputAttrs;
  const input = el(tag, { ...attrs, id, "aria-describedby": hintId });
  return el("div", { class: "field" }, el("label", { for: id }, label), input, hint ? el("p", { class: "hint", id: hintId }, hint) : null);
}

/** Reads a form's named controls as strings. */
export function formValues(form) {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
}

/** An error or status line that screen readers announce. */
export function alertBox(message, kind = "error") {
  return el("p", { class: `alert alert-${kind}`, role: kind === "error" ? "alert" : "status" }, message);
}

/** Copies text, then says so on the button for a moment (no timers needed for the state itself). */
export async function copyText(button, text) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Copy failed: select the text and copy it";
  }
}

/** Offers `text` as a downloaded file (a Blob URL, released after the click). */
export function downloadText(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
