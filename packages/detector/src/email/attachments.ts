// Attachment risk: what the file really is and what its name pretends.
import { decodeEntities } from "./html.ts";
import type { ParsedAttachment } from "./parse.ts";

const EXECUTABLE = new Set(["exe", "scr", "com", "pif", "msi", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "jar", "lnk", "apk", "app", "cpl", "reg", "dll", "appx", "msix", "iqy", "slk", "xll", "url", "library-ms", "chm", "one"]);
const MACRO_DOC = new Set(["docm", "xlsm", "pptm", "dotm", "xltm", "xlam", "ppam", "doc", "xls", "ppt", "rtf"]);
const ARCHIVE = new Set(["zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "cab", "ace", "arj", "lzh", "iso", "img", "vhd", "vhdx", "z"]);
const HTML_EXT = new Set(["html", "htm", "shtml", "xhtml", "mht", "mhtml", "svg", "xht"]);
const DOC_LIKE = new Set(["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "jpg", "jpeg", "png", "gif", "rtf", "odt", "csv", "htm", "html", "eml", "msg", "wav", "mp3"]);

export interface AttachmentFacts {
  count: number;
  html: number;
  htmlActive: number;
  executable: number;
  macroDoc: number;
  archive: number;
  doubleExtension: number;
  typeMismatch: number;
  evidence: Record<string, string>;
}

function extensions(filename: string): string[] {
  const name = filename.trim().toLowerCase().replace(/(?<![\s\u200e\u200f\u202a-\u202e])[\s\u200e\u200f\u202a-\u202e]+$/g, "");
  return name.split(".").slice(1).map((e) => e.trim()).filter((e) => e.length > 0 && e.length <= 12);
}

function magicKind(head: string): "exe" | "zip" | "pdf" | "ole" | "rar" | "html" | null {
  if (head.startsWith("MZ")) return "exe";
  if (head.startsWith("PK\u0003\u0004")) return "zip";
  if (head.startsWith("%PDF")) return "pdf";
  if (head.startsWith("\u00d0\u00cf\u0011\u00e0")) return "ole";
  if (head.startsWith("Rar!")) return "rar";
  if (/^\s*<(!doctype html|html|script|svg|head|body)/i.test(head)) return "html";
  return null;
}

export function attachmentFacts(attachments: ParsedAttachment[]): AttachmentFacts {
  const facts: AttachmentFacts = { count: 0, html: 0, htmlActive: 0, executable: 0, macroDoc: 0, archive: 0, doubleExtension: 0, typeMismatch: 0, evidence: {} };
  for (const a of attachments) {
    // Inline images referenced by the HTML are part of the body's look, not files handed over.
    if (a.related && a.mimeType.startsWith("image/")) continue;
    if (!a.filename && a.disposition !== "attachment" && !a.mimeType.startsWith("application/")) continue;
    facts.count++;
    const name = a.filename ?? "";
    const exts = extensions(name);
    const last = exts[exts.length - 1] ?? "";
    const magic = magicKind(a.head);
    const isHtml = HTML_EXT.has(last) || a.mimeType === "text/html" || a.mimeType === "image/svg+xml" || magic === "html";
    if (isHtml) {
      facts.html++;
      facts.evidence.email_attachment_html ??= `the attachment ${name || a.mimeType} is a web page that opens in the browser`;
      const body = decodeEntities(a.text ?? "").slice(0, 262144).toLowerCase();
      if (/<script|<form|<iframe|window\.location|document\.write|atob\(|http-equiv\s*=\s*["']?refresh|<input/.test(body)) {
        facts.htmlActive++;
        facts.evidence.email_attachment_html_active ??= `the attached page ${name || ""} contains a script or a form`.replace("  ", " ");
      }
    }
    if (EXECUTABLE.has(last) || magic === "exe") {
      facts.executable++;
      facts.evidence.email_attachment_executable ??= `the attachment ${name || a.mimeType} is a program or script`;
    }
    if (MACRO_DOC.has(last) || (magic === "ole" && !["msg"].includes(last))) {
      facts.macroDoc++;
      facts.evidence.email_attachment_macro_document ??= `the attachment ${name} is an Office document type that can carry macros`;
    }
    if (ARCHIVE.has(last) || (magic === "zip" && !/^(docx|xlsx|pptx|docm|xlsm|pptm|dotx|dotm|xltx|xltm|xlam|ppsx|ppsm|potx|odt|ods|odp|odg|epub|jar|apk|xpi|vsdx|msix|appx)$/.test(last)) || magic === "rar") {
      facts.archive++;
      facts.evidence.email_attachment_archive ??= `the attachment ${name || a.mimeType} is an archive or disk image`;
    }
    if (exts.length >= 2) {
      const prev = exts[exts.length - 2] ?? "";
      if (DOC_LIKE.has(prev) && (EXECUTABLE.has(last) || ARCHIVE.has(last) || HTML_EXT.has(last)) && prev !== last) {
        facts.doubleExtension++;
        facts.evidence.email_attachment_double_extension ??= `the file name ${name} pretends to be a .${prev} but is a .${last}`;
      }
    }
    if (/(?<!\s)\s{5,}\.[a-z0-9]{2,5}$/i.test(name)) {
      facts.doubleExtension++;
      facts.evidence.email_attachment_double_extension ??= `the file name ${name.replace(/\s+/g, " ")} hides its real type behind spaces`;
    }
    const claimed = last;
    const mismatch = (magic === "exe" && claimed !== "exe" && claimed !== "dll" && claimed !== "scr" && claimed !== "com") ||
      (magic === "html" && claimed !== "" && !HTML_EXT.has(claimed) && claimed !== "txt" && claimed !== "xml");
    if (mismatch) {
      facts.typeMismatch++;
      facts.evidence.email_attachment_type_mismatch ??= `the attachment ${name} is really a ${magic === "exe" ? "program" : "web page"}`;
    }
  }
  return facts;
}
