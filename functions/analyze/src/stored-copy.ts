// The copy of an answer kept in reports.result: what the sender wrote stays out of clear text.
import type { Report } from "./store-report.ts";

// A scheme is matched from the start of its run of scheme characters (lookbehind; $1 keeps leading
// digits and signs), not retried from every position of a long run: that was quadratic on long words.
const LINK_IN_JSON = /(?<![A-Za-z0-9+.-])([0-9+.-]*)([A-Za-z][A-Za-z0-9+.-]*:\/\/)(?:[^/?#\s"\\]*@)?([^/?#\s"\\]*)[^\s"\\]*/g;

/**
 * The stored copy of the answer keeps what the sender wrote out of clear text: the subject and the
 * sender's address live encrypted, and the display name is dropped. Links found in a mail, wherever
 * they appear (urls, reason sentences), keep only scheme and host: paths and query strings often
 * carry the recipient's address; domains are the evidence. Migration 0008 does the same to old rows.
 */
export function storedCopy(report: Report): string {
  if (report.kind !== "email") return JSON.stringify(report);
  const copy = { ...report, subject: null, headers: report.headers ? { ...report.headers, from_address: null, from_display_name: null } : report.headers };
  // On the JSON text: a link never spans a quote or backslash there, so the result stays valid JSON.
  return JSON.stringify(copy).replace(LINK_IN_JSON, "$1$2$3/");
}
