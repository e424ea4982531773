// Collects the links of a message: hrefs (quoted or not), form actions and bare URLs in the
// text, after MIME decoding, so a URL split by a quoted-printable soft break is whole again.
import { parse as parseDomain } from "tldts";
import { hostFacts } from "../url/host.ts";
import type { Anchor } from "./html.ts";

const TEXT_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\[\]]{1,2000}/gi;
// The lookbehind starts a match only at the first of a run: without it every position of a long
// run of punctuation is tried to the end (quadratic).
const TRAILING_PUNCT = /(?<![.,;:!?)\]}>*'"])[.,;:!?)\]}>*'"]+$/;
const MAX_TEXT_SCAN = 500_000;

/** Bare URLs written in text (http(s):// or www.), trailing punctuation trimmed. */
export function urlsInText(text: string, max = 200): string[] {
  const out: string[] = [];
  const scanned = text.length > MAX_TEXT_SCAN ? text.slice(0, MAX_TEXT_SCAN) : text;
  for (const m of scanned.matchAll(TEXT_URL)) {
    out.push(m[0].replace(TRAILING_PUNCT, ""));
    if (out.length >= max) break;
  }
  return out;
}

/** True for hrefs that lead to a web page (not anchors, mailto:, cid: ...). */
export function isWebHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href) || /^www\./i.test(href);
}

export function isScriptHref(href: string): boolean {
  return /^\s*(?:javascript|vbscript|data)\s*:/i.test(href);
}

/**
 * The registrable domain an anchor's visible text shows, when the text looks like a web
 * address ("paypal.com", "https://www.paypal.com/login"); null for "Click here".
 */
export function domainShownInText(text: string): string | null {
  if (!text || text.length > 500) return null;
  for (const raw of text.split(/\s+/).slice(0, 50)) {
    const token = raw.replace(/^[(<\["']+/, "").replace(TRAILING_PUNCT, "");
    if (token.includes("@") && !token.includes("/")) continue; // an e-mail address, not a link
    const m = /^(?:https?:\/\/)?([^\s/?#:]{1,253}\.[a-z\u00a1-\uffff]{2,24})(?:[/?#:]|$)/i.exec(token);
    if (!m?.[1]) continue;
    const parsed = parseDomain(m[1]);
    if (!parsed.domain || !parsed.isIcann) continue;
    const facts = hostFacts(m[1]);
    if (facts.registrableDomain) return facts.registrableDomain;
  }
  return null;
}

export interface AnchorMismatch {
  shown: string;
  actual: string;
}

/** Anchors whose text shows one registrable domain while the href goes to another. */
export function anchorMismatches(anchors: Anchor[], hrefDomain: (href: string) => string | null): AnchorMismatch[] {
  const out: AnchorMismatch[] = [];
  for (const a of anchors) {
    if (!isWebHref(a.href)) continue;
    const shown = domainShownInText(a.text);
    if (!shown) continue;
    const actual = hrefDomain(a.href);
    if (actual && actual !== shown) out.push({ shown, actual });
  }
  return out;
}
