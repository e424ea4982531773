// Words spelled with letters borrowed from other scripts or from Unicode's "styled" blocks
// ("Κіոⅾⅼу ⅴеrіfу", "𝗗𝗲𝘂𝘁𝘀𝗰𝗵𝗲-𝗕𝗮𝗵𝗻", "ᴘᴀʏᴘᴀʟ"). Senders do this to slip past keyword
// filters; ordinary text in any one language (English, Greek, Russian, ...) never mixes scripts
// inside a word, so this holds for mail of any language or era.

type Bucket = "latin" | "greek" | "cyrillic" | "armenian" | "styled" | "other";

function bucketOf(cp: number): Bucket {
  if (cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) return "latin";
  if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff)) return "greek";
  if (cp >= 0x400 && cp <= 0x52f) return "cyrillic";
  if (cp >= 0x530 && cp <= 0x58f) return "armenian";
  // IPA/small capitals, phonetic letters, letterlike symbols and Roman numerals, fullwidth Latin,
  // mathematical alphanumerics: letters no language writes words with.
  if ((cp >= 0x250 && cp <= 0x2af) || (cp >= 0x1d00 && cp <= 0x1dbf) || (cp >= 0x2100 && cp <= 0x218f) ||
    (cp >= 0xff21 && cp <= 0xff5a) || (cp >= 0x1d400 && cp <= 0x1d7ff)) return "styled";
  return "other";
}

const WORD = /[\p{L}\p{Nl}]+/gu;
const MAX_TEXT = 100_000;

/** Disguised words in `text`: a styled letter, or letters of two of Latin/Greek/Cyrillic/Armenian. */
export function disguisedWords(text: string): string[] {
  const found: string[] = [];
  for (const m of text.slice(0, MAX_TEXT).matchAll(WORD)) {
    const word = m[0];
    if (word.length < 2) continue;
    const seen = new Set<Bucket>();
    for (const ch of word) seen.add(bucketOf(ch.codePointAt(0) ?? 0));
    seen.delete("other");
    if (seen.has("styled") || seen.size >= 2) found.push(word);
  }
  return found;
}

// Letters of other scripts that read as Latin ones; used to fold disguised text before the
// phrase lexicons look at it (NFKC already folds styled, fullwidth and Roman-numeral letters).
const FOLD: Record<string, string> = {
  "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
  "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
  "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
  "ո": "n", "ս": "u", "օ": "o", "ց": "g", "հ": "h", "ք": "q", "ɑ": "a", "ɡ": "g", "ɩ": "i",
  "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k",
  "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w",
  "ʏ": "y", "ᴢ": "z",
};

/** Folds disguised words to plain Latin; other words (real Greek, Russian, ...) are left alone. */
export function foldDisguised(text: string): string {
  return text.replace(WORD, (word) => {
    if (word.length < 2) return word;
    const seen = new Set<Bucket>();
    for (const ch of word) seen.add(bucketOf(ch.codePointAt(0) ?? 0));
    seen.delete("other");
    if (!seen.has("styled") && seen.size < 2) return word;
    let out = "";
    for (const ch of word.normalize("NFKC")) out += FOLD[ch.toLowerCase()] ?? ch;
    return out;
  });
}
