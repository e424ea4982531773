// A small confusable "skeleton" (in the spirit of Unicode TR39) covering the characters that
// phishing domains actually use to imitate Latin brand names, plus digit/letter swaps.
import { hostToUnicode } from "./punycode.ts";

const CHAR_MAP: Record<string, string> = {
  // Cyrillic
  "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
  "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
  "һ": "h", "ӏ": "l", "ь": "b", "п": "n", "г": "r", "ѡ": "w", "ү": "y",
  // Greek
  "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
  "χ": "x", "ω": "w", "η": "n", "μ": "u", "γ": "y",
  // Latin look-alikes NFD does not split
  "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ɡ": "g", "ɑ": "a", "ƅ": "b", "ɩ": "i", "ꞁ": "l",
  // Small capitals (popular in display names: "ᴘᴀʏᴘᴀʟ")
  "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j",
  "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r", "ꜱ": "s", "ᴛ": "t",
  "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
  // Digits and symbols
  "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "|": "l", "$": "s", "@": "a",
};

/** Characters that look alike collapse to one representative: i/l/1 -> l, rn -> m, vv -> w. */
export function skeleton(text: string): string {
  const folded = text.normalize("NFKD").toLowerCase();
  let out = "";
  for (const ch of folded) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents
    out += CHAR_MAP[ch] ?? ch;
  }
  return out.replace(/i/g, "l").replace(/rn/g, "m").replace(/vv/g, "w");
}

/** Optimal-string-alignment distance, giving up (returning max+1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > 64 || b.length > 64) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

const LATIN = /[a-z]/i;
const NON_LATIN_LETTER = /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/;

/** A label mixing Latin letters with Greek/Cyrillic ones: a classic homograph trick. */
export function hasMixedScript(label: string): boolean {
  return LATIN.test(label) && NON_LATIN_LETTER.test(label);
}

/** Unicode form of a host (punycode labels decoded), lower-cased. */
export function unicodeHost(host: string): string {
  return hostToUnicode(host.toLowerCase());
}
