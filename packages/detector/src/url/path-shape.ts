// Randomness of the path (not the query: our benign crawl kept almost no query strings, so
// anything measured on the query would learn the collector). Phishing kits and throw-away
// deployments use machine-made path segments ("/a8Fk2x9Q/", "/3f9c2e17b0d4/"); article slugs
// and ordinary pages use words.
import { shannonEntropy } from "../text/entropy.ts";

export interface PathShape {
  /** Length of the longest path token that mixes letters and digits (0 when none). */
  randomTokenLength: number;
  /** Share of digits among the path's letters and digits (0 for an empty path). */
  digitRatio: number;
  /** Highest Shannon entropy (bits per character) of a path token of 8+ characters (0 when none). */
  tokenEntropyMax: number;
}

const MIN_RANDOM = 6;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Alphanumeric runs of the path (case kept: mixed case is part of randomness). */
function tokens(path: string, max = 200): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= path.length && out.length < max; i++) {
    const c = i < path.length ? path.charCodeAt(i) : 0;
    const word = isDigit(c) || isLetter(c);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(path.slice(start, i));
      start = -1;
    }
  }
  return out;
}

export function pathShape(path: string): PathShape {
  let randomTokenLength = 0;
  let tokenEntropyMax = 0;
  let digits = 0;
  let alnum = 0;
  for (const t of tokens(path)) {
    let d = 0;
    for (let i = 0; i < t.length; i++) if (isDigit(t.charCodeAt(i))) d++;
    digits += d;
    alnum += t.length;
    if (t.length >= MIN_RANDOM && d > 0 && d < t.length && t.length > randomTokenLength) randomTokenLength = t.length;
    if (t.length >= 8) tokenEntropyMax = Math.max(tokenEntropyMax, shannonEntropy(t.slice(0, 256)));
  }
  return {
    randomTokenLength: Math.min(randomTokenLength, 256),
    digitRatio: alnum ? digits / alnum : 0,
    tokenEntropyMax: Math.round(tokenEntropyMax * 1000) / 1000,
  };
}
