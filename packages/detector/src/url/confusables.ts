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

/**
 * A typing-style variant of `target`: two neighbouring letters swapped ("micorsoft"), one letter
 * doubled / un-doubled ("paypall", "gogle"), or a letter dropped from inside a brand of 6+ letters
 * ("outook"). Arbitrary substitutions and insertions are not counted: they turn brands into ordinary
 * words and names ("finance" / "binance", "netflex", "citicbank").
 */
export function isTypoVariant(candidate: string, target: string, allowDeletion = true): boolean {
  if (candidate === target) return false;
  if (candidate.length === target.length) {
    const diff: number[] = [];
    for (let i = 0; i < candidate.length && diff.length <= 2; i++) if (candidate[i] !== target[i]) diff.push(i);
    const [i, j] = diff;
    return diff.length === 2 && i !== undefined && j === i + 1 && candidate[i] === target[j] && candidate[j] === target[i];
  }
  const [longer, shorter] = candidate.length > target.length ? [candidate, target] : [target, candidate];
  if (longer.length - shorter.length !== 1) return false;
  for (let k = 0; k < longer.length; k++) {
    if (longer.slice(0, k) + longer.slice(k + 1) === shorter) {
      if (longer[k] === longer[k - 1] || longer[k] === longer[k + 1]) return true;
      // A letter dropped from inside a long brand ("outook", "metmask"); not the first letter, which
      // turns brands into words ("icloud" -> "cloud").
      if (allowDeletion && candidate === shorter && k > 0 && target.length >= 6) return true;
    }
  }
  return false;
}
