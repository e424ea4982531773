// Words for the blind search index, computed in TypeScript (the database never sees the text):
// the same function tokenises stored text and queries, so a query word matches a stored word
// exactly when both fold to the same token.
//
// Folding: Unicode NFKC, lower case, combining marks stripped (é -> e, full-width forms -> ASCII).
// A word is a run of letters and digits; runs joined by . - _ @ ' (paypal-login.help,
// alice@example.com, sign-in) give the whole compound AND each part, so `paypal` finds
// `paypal-login.help`. Parts and plain words go through a light English plural stemmer (Harman's
// "S" stemmer: invoices -> invoice, policies -> policy); compounds are kept as written. A short
// stop-word list and one-letter words are left out; tokens are cut at 64 characters.
// Scripts written without spaces (Chinese, Japanese) give one token per run: whole-run matches only.

export const MAX_TOKEN_CHARS = 64;

const STOP_WORDS = new Set(
  "a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our she so than that the their them then there these they this to too was we were what when which who will with you your".split(" "),
);

const WORD_RUN = /[\p{L}\p{N}]+(?:['._@-][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
const LETTERS = /^\p{L}+$/u;
/** A word run in unfolded text (combining marks included), for highlighting in place. */
const RAW_WORD_RUN = /[\p{L}\p{N}\p{M}]+(?:['._@-][\p{L}\p{N}\p{M}]+)*/gu;

export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/\p{Mn}+/gu, "").normalize("NFC");
}

/** Harman's S stemmer: -ies -> -y, -es -> -e, -s -> '' (not after s/u, not -aes/-ees/-oes/-eies/-aies). */
export function stemPlural(word: string): string {
  if (word.length <= 3 || !LETTERS.test(word)) return word;
  if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) return word.slice(0, -1);
  if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

function keepWord(word: string): string | undefined {
  if (STOP_WORDS.has(word)) return undefined;
  if (word.length < 2 && !/\p{N}/u.test(word)) return undefined;
  const stemmed = stemPlural(word);
  return stemmed.length > MAX_TOKEN_CHARS ? stemmed.slice(0, MAX_TOKEN_CHARS) : stemmed;
}

/** The tokens of one word run (already folded): the compound, then its kept parts. */
function runTokens(run: string): string[] {
  const parts = run.match(PART) ?? [];
  if (parts.length === 1) {
    const word = keepWord(run);
    return word ? [word] : [];
  }
  const out = [run.slice(0, MAX_TOKEN_CHARS)];
  for (const part of parts) {
    const word = keepWord(part);
    if (word) out.push(word);
  }
  return out;
}

/** Distinct tokens of `text`, in first-seen order, at most `limit` of them (a bounded prefix). */
export function searchTokens(text: string | null | undefined, limit = Infinity): string[] {
  const seen = new Set<string>();
  if (!text) return [];
  for (const match of foldText(text).matchAll(WORD_RUN)) {
    for (const token of runTokens(match[0])) {
      seen.add(token);
      if (seen.size >= limit) return [...seen];
    }
  }
  return [...seen];
}

/** One alternative of a query: every `all` token, and for each `none` set not all of its tokens. */
export interface QueryGroup {
  all: string[];
  none: string[][];
}

export interface ParsedSearchQuery {
  /** Alternatives (`or`); a report matches when one group matches. Empty: nothing matches. */
  groups: QueryGroup[];
  /** Distinct positive tokens of every group: what ranking counts and snippets highlight. */
  terms: string[];
}

const QUERY_ITEM = /(-?)"([^"]*)"?|(\S+)/g;

/**
 * Web-search syntax, as far as a set-of-words index can express it: words (all required),
 * "quoted phrases" (all their words required, order not checked), -word / -"phrase" (excluded),
 * `or` between alternatives. Any text parses; operators and punctuation that carry no word are
 * ignored, so a query of only stop words or only symbols matches nothing.
 */
export function parseSearchQuery(text: string): ParsedSearchQuery {
  const groups: QueryGroup[] = [];
  let current: QueryGroup = { all: [], none: [] };
  const close = () => {
    if (current.all.length > 0 || current.none.length > 0) groups.push({ all: [...new Set(current.all)], none: current.none });
    current = { all: [], none: [] };
  };
  for (const m of text.matchAll(QUERY_ITEM)) {
    const [, quotedNegation, phrase, bare] = m;
    if (bare !== undefined && bare.toLowerCase() === "or") {
      close();
      continue;
    }
    const negated = phrase !== undefined ? quotedNegation === "-" : bare!.startsWith("-");
    const body = phrase ?? bare!.replace(/^-+/, "");
    const tokens = searchTokens(body);
    if (tokens.length === 0) continue;
    if (negated) current.none.push(tokens);
    else current.all.push(...tokens);
  }
  close();
  return { groups, terms: [...new Set(groups.flatMap((g) => g.all))] };
}

const SNIPPET_WORDS = 30;
const CONTEXT_BEFORE = 8;
const MAX_FRAGMENTS = 2;

/**
 * A short excerpt of `text` with the words that match `terms` between « and » (plain text: render
 * it as text, never as HTML). Up to two fragments around matches, joined by " … "; without a
 * match, the text's first words.
 */
export function buildSnippet(text: string, terms: readonly string[]): string | null {
  const wanted = new Set(terms);
  const isHit = (run: string) => wanted.size > 0 && [...foldText(run).matchAll(WORD_RUN)].some((m) => runTokens(m[0]).some((t) => wanted.has(t)));
  // Whitespace-separated chunks, each with its matching word runs marked (punctuation stays outside).
  const words: { shown: string; hit: boolean }[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let hit = false;
    const shown = m[0].replace(RAW_WORD_RUN, (run) => (isHit(run) ? ((hit = true), `«${run}»`) : run));
    words.push({ shown, hit });
  }
  if (words.length === 0) return null;
  const hits = words.flatMap((w, i) => (w.hit ? [i] : []));
  const windows: [number, number][] = [];
  for (const i of hits.length > 0 ? hits : [0]) {
    if (windows.length === MAX_FRAGMENTS) break;
    if (windows.some(([from, to]) => i >= from && i < to)) continue;
    const from = Math.max(0, i - (hits.length > 0 ? CONTEXT_BEFORE : 0));
    windows.push([from, Math.min(words.length, from + SNIPPET_WORDS)]);
  }
  return windows.map(([from, to]) => words.slice(from, to).map((w) => w.shown).join(" ")).join(" … ");
}
