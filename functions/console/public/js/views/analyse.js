// Analyse: paste a raw email or drop an .eml file, or a URL → the report.
import { withKey } from "../api.js";
import { alertBox, el, field } from "../dom.js";
import { keyField } from "../key-field.js";
import { renderReport } from "../report.js";

const MAX_EMAIL_BYTES = 10 * 1024 * 1024;

/**
 * The file last loaded, sent as its own bytes while the text area still shows it unchanged: a text
 * area turns CRLF into LF and the page reads the file as UTF-8, while mail can be in any charset.
 */
const loaded = { file: null, shown: "" };

function dropZone(textarea, say) {
  const input = el("input", { type: "file", id: "eml-file", accept: ".eml,message/rfc822,text/plain", class: "visually-hidden" });
  const load = async (file) => {
    if (!file) return;
    if (file.size > MAX_EMAIL_BYTES) return say(`${file.name} is larger than 10 MB.`);
    textarea.value = await file.text();
    loaded.file = file;
    loaded.shown = textarea.value;
    say(`Loaded ${file.name} (${file.size.toLocaleString()} bytes).`, "status");
  };
  input.addEventListener("change", () => load(input.files?.[0]));
  const zone = el("label", { for: "eml-file", class: "drop-zone" }, "Drop an .eml file here, or ", el("span", { class: "link-like" }, "choose a file"));
  for (const type of ["dragenter", "dragover"]) zone.addEventListener(type, (e) => { e.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("dragging"); void load(e.dataTransfer?.files?.[0]); });
  return el("div", {}, input, zone);
}

export function renderAnalyse(main) {
  loaded.file = null;
  const result = el("div", { id: "analysis-result" });
  const messages = el("div", { "aria-live": "polite" });
  const say = (text, kind = "error") => messages.replaceChildren(alertBox(text, kind));

  const emailField = field("Raw email (headers and body)", { tag: "textarea", name: "raw", rows: 10, class: "mono", spellcheck: "false" });
  const emailForm = el("form", { class: "card stack", "aria-labelledby": "email-title" },
    el("h2", { id: "email-title" }, "An email"), emailField, dropZone(emailField.querySelector("textarea"), say),
    el("button", { type: "submit", class: "primary" }, "Analyse email"));
  const urlForm = el("form", { class: "card stack", "aria-labelledby": "url-title" },
    el("h2", { id: "url-title" }, "A URL"), field("URL", { name: "url", type: "url", required: true, placeholder: "https://…", spellcheck: "false" }),
    el("button", { type: "submit", class: "primary" }, "Analyse URL"));

  const run = (form, request) => form.addEventListener("submit", async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const report = await request();
      if (!report) return;
      result.replaceChildren(renderReport(report));
      result.querySelector("h2").focus();
    } catch (err) {
      result.replaceChildren();
      say(err.message);
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  });
  run(emailForm, () => {
    const raw = emailForm.elements.raw.value;
    if (raw.trim() === "") return say("Paste a raw email or choose an .eml file first.");
    const body = loaded.file && raw === loaded.shown ? loaded.file : raw;
    return withKey("/v1/analyze/email", { method: "POST", body, contentType: "message/rfc822" });
  });
  run(urlForm, () => withKey("/v1/analyze/url", { method: "POST", json: { url: urlForm.elements.url.value.trim() } }));

  main.append(el("h1", { tabindex: "-1" }, "Analyse"), keyField(), el("div", { class: "two-col" }, emailForm, urlForm), messages, result);
}
