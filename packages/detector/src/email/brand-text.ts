// Brands named in free text (display names, subjects, bodies), and free webmail providers.
import { BRANDS, substringAllowed, tokenIsShort, type Brand } from "../url/brands.ts";
import { skeleton } from "../url/confusables.ts";
import { wordPieces } from "../text/url-tokens.ts";

/** Registrable-domain names (left of the suffix) of free webmail providers. */
export const FREEMAIL_LABELS = new Set([
  "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "aol", "mail", "yandex",
  "gmx", "web", "icloud", "me", "protonmail", "proton", "pm", "zoho", "qq", "163", "126", "sina", "rediffmail", "naver",
  "daum", "tutanota", "libero", "laposte", "orange", "wanadoo", "free", "seznam", "wp", "o2", "interia", "rambler",
  "inbox", "bk", "list", "t-online", "comcast", "verizon", "att", "sbcglobal", "btinternet", "lycos", "juno", "earthlink",
]);

/** A display name longer than this is read from its start only (a 1 MB name cost 15 ms per megabyte-long search). */
export const MAX_NAME_CHARS = 1_000;

/** A brand named (plainly or with confusable letters) in a short free text such as a display name. */
export function brandNamedIn(fullText: string): Brand | null {
  const text = fullText.slice(0, MAX_NAME_CHARS);
  const pieces = wordPieces(text.normalize("NFKC"), 40);
  const joined = pieces.join("");
  // Confusable letters (Cyrillic, small capitals) fall outside wordPieces' ASCII range: compare skeletons too.
  const skPieces = text.slice(0, 200).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((p) => skeleton(p));
  for (const brand of BRANDS) {
    for (const token of brand.tokens) {
      if (pieces.includes(token)) return brand;
      if (tokenIsShort(token)) continue;
      const sk = skeleton(token);
      if (skPieces.includes(sk)) return brand;
      if (!substringAllowed(token)) continue;
      if (pieces.some((p) => p.length <= 40 && p.includes(token))) return brand;
      if (skPieces.some((p) => p.length <= 40 && p.includes(sk))) return brand;
      if (token.length >= 8 && joined.includes(token)) return brand; // "Bank of America", "Wells Fargo"
    }
  }
  return null;
}

// Brand tokens that are everyday words in running text; only counted in display names and hosts.
const AMBIGUOUS_IN_TEXT = new Set(["outlook", "chase", "visa", "steam", "zoom", "meta", "ledger", "booking", "ups", "irs", "aol", "owa", "amex", "sign", "office365"]);

/** The brand named most often in running text (exact word pieces), if any. */
export function dominantBrandInText(text: string): Brand | null {
  const counts = new Map<Brand, number>();
  for (const piece of wordPieces(text.slice(0, 50_000), 10_000)) {
    for (const brand of BRANDS) {
      if (brand.tokens.some((t) => t === piece && !AMBIGUOUS_IN_TEXT.has(t))) counts.set(brand, (counts.get(brand) ?? 0) + 1);
    }
  }
  let best: Brand | null = null;
  let bestCount = 0;
  for (const [brand, n] of counts) if (n > bestCount) [best, bestCount] = [brand, n];
  return best;
}
