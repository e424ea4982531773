// What is kept of a message's visible text for search (encrypted as reports.body_text_enc, blind-tokenised): a bounded prefix.
export const SEARCH_BODY_MAX_CHARS = 65_536;

/**
 * Postgres text cannot hold NUL, and the search index needs only a prefix: drop NULs, collapse
 * whitespace runs, cut at 65,536 characters without splitting a surrogate pair. Empty -> null.
 */
export function boundSearchBody(text: string | null | undefined): string | null {
  if (!text) return null;
  // Work on a slice: a 10 MB body need not be scanned whole to keep its first 64 K characters.
  let clean = text.slice(0, SEARCH_BODY_MAX_CHARS * 4).replaceAll("\0", "").replace(/\s+/g, " ").trim();
  if (clean.length > SEARCH_BODY_MAX_CHARS) {
    const cut = SEARCH_BODY_MAX_CHARS - (/[\uD800-\uDBFF]/.test(clean[SEARCH_BODY_MAX_CHARS - 1]!) ? 1 : 0);
    clean = clean.slice(0, cut);
  }
  return clean === "" ? null : clean;
}
