// A single linear pass over HTML (no regex over the whole document, no backtracking) that
// collects what features need: anchors with their visible text, forms, inputs, scripts,
// images, hidden elements and the visible text itself. Every step is O(length): a '<' that
// opens no tag costs O(1), and each tag is scanned once.

export interface Anchor {
  href: string;
  text: string;
}

export interface HtmlScan {
  anchors: Anchor[];
  formActions: string[];
  forms: number;
  passwordInputs: number;
  textInputs: number;
  scripts: number;
  iframes: number;
  metaRefresh: string | null;
  images: number;
  hiddenElements: number;
  visibleText: string;
  /** Visible text outside links: bare URLs here are shown, not linked (anchor text is not a link). */
  textOutsideAnchors: string;
}

const MAX_HTML = 1024 * 1024;
const MAX_TAG = 8192;
const MAX_ANCHORS = 300;
const MAX_FORMS = 50;
const MAX_ANCHOR_TEXT = 500;
/** Tags whose attributes are read; beyond this only tag names count (bounds work on padded HTML). */
const MAX_ATTRIBUTE_TAGS = 5000;
const RAW_TEXT_TAGS = new Set(["script", "style", "title", "textarea", "noscript", "template"]);
const BLOCK_TAGS = new Set(["p", "div", "br", "tr", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "hr"]);
const ATTRIBUTE_TAGS = new Set(["a", "area", "form", "input", "img", "meta"]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|max-height\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", shy: "", zwnj: "", zwj: "", copy: "©", reg: "®",
  ensp: " ", emsp: " ", thinsp: " ", lrm: "", rlm: "", hellip: "…", ndash: "–", mdash: "—", rsquo: "’", lsquo: "‘",
  rdquo: "”", ldquo: "“", euro: "€", pound: "£",
};

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 48 && c <= 57);
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Decodes the HTML entities that matter for reading links and text (hand-rolled: linear). */
export function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp === -1) return text;
  let out = "";
  let last = 0;
  while (amp !== -1) {
    let j = amp + 1;
    let decoded: string | null = null;
    if (text.charCodeAt(j) === 35 /* # */) {
      j++;
      const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
      if (hex) j++;
      const start = j;
      while (j < text.length && j - start < 7 && (hex ? isHex(text.charCodeAt(j)) : text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) j++;
      if (j > start) {
        const code = parseInt(text.slice(start, j), hex ? 16 : 10);
        decoded = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
    } else {
      const start = j;
      while (j < text.length && j - start < 8 && isAlpha(text.charCodeAt(j))) j++;
      if (j - start >= 2) decoded = NAMED_ENTITIES[text.slice(start, j).toLowerCase()] ?? null;
    }
    if (decoded !== null) {
      if (text.charCodeAt(j) === 59 /* ; */) j++;
      out += text.slice(last, amp) + decoded;
      last = j;
    }
    amp = text.indexOf("&", decoded !== null ? j : amp + 1);
  }
  return out + text.slice(last);
}

/** Parses the attributes of one tag body (after the tag name) into lower-case names. */
export function parseAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = 0;
  const n = tag.length;
  while (i < n) {
    while (i < n && (isSpace(tag.charCodeAt(i)) || tag[i] === "/")) i++;
    const nameStart = i;
    while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== "=" && tag[i] !== ">" && tag[i] !== "/") i++;
    const name = tag.slice(nameStart, i).toLowerCase();
    if (!name) {
      i++;
      continue;
    }
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    let value = "";
    if (tag[i] === "=") {
      i++;
      while (i < n && isSpace(tag.charCodeAt(i))) i++;
      const q = tag[i];
      if (q === '"' || q === "'") {
        const end = tag.indexOf(q, i + 1);
        value = tag.slice(i + 1, end === -1 ? n : end);
        i = end === -1 ? n : end + 1;
      } else {
        const start = i;
        while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">") i++;
        value = tag.slice(start, i);
      }
    }
    if (!attrs.has(name)) attrs.set(name, decodeEntities(value));
  }
  return attrs;
}

/** Finds the '>' closing a tag that starts at `start`, honouring quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote = 0;
  const limit = Math.min(html.length, start + MAX_TAG);
  for (let i = start + 1; i < limit; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // A quote opens a value only right after '=' (optionally after spaces); stray quotes are text.
      let k = i - 1;
      while (k > start && isSpace(html.charCodeAt(k))) k--;
      if (html.charCodeAt(k) === 61 /* = */) quote = c;
    } else if (c === 62 /* > */) return i;
  }
  // Unterminated quote or an over-long tag: fall back to the next '>' (the scan resumes after it).
  const gt = html.indexOf(">", start);
  return gt === -1 ? html.length : gt;
}

/** Tag name starting at `pos` (after '<' and an optional '/'), lower-cased, or "" when none. */
function tagNameAt(html: string, pos: number): string {
  if (!isAlpha(html.charCodeAt(pos))) return "";
  let j = pos + 1;
  while (j < html.length && j - pos < 32 && (isAlnum(html.charCodeAt(j)) || html[j] === "-" || html[j] === ":")) j++;
  return html.slice(pos, j).toLowerCase();
}

/** Position of `</name` at or after `from` (case-insensitive), or the end of the document. */
function findClosingTag(html: string, name: string, from: number): number {
  let pos = from;
  for (;;) {
    const lt = html.indexOf("</", pos);
    if (lt === -1) return html.length;
    if (html.slice(lt + 2, lt + 2 + name.length).toLowerCase() === name) return lt;
    pos = lt + 2;
  }
}

function cleanAnchorText(text: string): string {
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

export function scanHtml(input: string): HtmlScan {
  const html = input.length > MAX_HTML ? input.slice(0, MAX_HTML) : input;
  const scan: HtmlScan = {
    anchors: [], formActions: [], forms: 0, passwordInputs: 0, textInputs: 0, scripts: 0, iframes: 0,
    metaRefresh: null, images: 0, hiddenElements: 0, visibleText: "", textOutsideAnchors: "",
  };
  const text: string[] = [];
  const outside: string[] = [];
  let openAnchor: { href: string; text: string } | null = null;
  const closeAnchor = () => {
    if (openAnchor && scan.anchors.length < MAX_ANCHORS) scan.anchors.push({ href: openAnchor.href, text: cleanAnchorText(openAnchor.text) });
    openAnchor = null;
  };
  const emitText = (chunk: string) => {
    if (!chunk) return;
    text.push(chunk);
    if (!openAnchor) outside.push(chunk);
    else if (openAnchor.text.length < MAX_ANCHOR_TEXT) openAnchor.text += chunk.slice(0, MAX_ANCHOR_TEXT);
  };

  let attributeTags = 0;
  let textStart = 0; // start of pending text; a '<' that opens no tag stays inside it
  let searchFrom = 0;
  while (searchFrom < html.length) {
    const lt = html.indexOf("<", searchFrom);
    if (lt === -1) break;
    if (html.startsWith("<!--", lt)) {
      emitText(html.slice(textStart, lt));
      const end = html.indexOf("-->", lt + 4);
      textStart = searchFrom = end === -1 ? html.length : end + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47; /* / */
    const name = tagNameAt(html, lt + (closing ? 2 : 1));
    if (!name) {
      searchFrom = lt + 1;
      continue;
    }
    emitText(html.slice(textStart, lt));
    const end = tagEnd(html, lt);
    const body = html.slice(lt + 1 + (closing ? 1 : 0) + name.length, end);
    textStart = searchFrom = end + 1;
    if (BLOCK_TAGS.has(name)) emitText(" \n");
    if (closing) {
      if (name === "a") closeAnchor();
      continue;
    }
    if (name === "iframe" || name === "frame") scan.iframes++;
    if (++attributeTags > MAX_ATTRIBUTE_TAGS) {
      if (name === "form") scan.forms++;
      else if (name === "img") scan.images++;
      else if (name === "a") closeAnchor();
    } else if ((body.includes("style") || body.includes("hidden")) && !ATTRIBUTE_TAGS.has(name)) {
      const attrs = parseAttributes(body);
      if (HIDDEN_STYLE.test(attrs.get("style") ?? "") || attrs.has("hidden")) scan.hiddenElements++;
    } else if (ATTRIBUTE_TAGS.has(name)) {
      const attrs = parseAttributes(body);
      if (HIDDEN_STYLE.test(attrs.get("style") ?? "") || attrs.has("hidden")) scan.hiddenElements++;
      switch (name) {
        case "a": {
          closeAnchor();
          const href = attrs.get("href");
          openAnchor = href !== undefined ? { href: href.trim(), text: "" } : null;
          break;
        }
        case "area": {
          const href = attrs.get("href");
          if (href !== undefined && scan.anchors.length < MAX_ANCHORS) scan.anchors.push({ href: href.trim(), text: attrs.get("alt") ?? "" });
          break;
        }
        case "form":
          scan.forms++;
          if (scan.formActions.length < MAX_FORMS) scan.formActions.push((attrs.get("action") ?? "").trim());
          break;
        case "input": {
          const type = (attrs.get("type") ?? "text").toLowerCase();
          if (type === "password") scan.passwordInputs++;
          else if (type === "text" || type === "email" || type === "tel" || type === "number") scan.textInputs++;
          break;
        }
        case "img":
          scan.images++;
          if (openAnchor && !(openAnchor as { text: string }).text.trim()) (openAnchor as { text: string }).text += attrs.get("alt") ?? "";
          break;
        case "meta":
          if ((attrs.get("http-equiv") ?? "").toLowerCase() === "refresh") scan.metaRefresh = attrs.get("content") ?? "";
          break;
      }
    }
    if (RAW_TEXT_TAGS.has(name) && !body.endsWith("/")) {
      if (name === "script") scan.scripts++;
      // The element's content is not shown as text: skip to its closing tag.
      textStart = searchFrom = findClosingTag(html, name, searchFrom);
    }
  }
  emitText(html.slice(textStart));
  closeAnchor();
  const decodedText = decodeEntities(text.join(""));
  scan.textOutsideAnchors = outside.length === text.length ? decodedText : decodeEntities(outside.join(""));
  // One pass over whitespace runs (a run with a line break becomes one newline): linear time.
  scan.visibleText = decodedText.replace(/\s+/g, (run) => (run.includes("\n") ? "\n" : " ")).trim();
  return scan;
}
