// Phone numbers in E.164 form: "+", a country code, the national number; 7 to 15 digits in all
// (ITU-T E.164 caps the total at 15; the shortest numbers in use, e.g. Niue's, have 7).
// Accepted spellings: spaces, hyphens, dots, slashes and parentheses between digits; full-width
// digits (NFKC); "00" instead of the leading "+". Refused: no country code (a national number is
// ambiguous without one), letters, extensions, anything else. Equal numbers normalise equal.
export const PHONE_E164 = /^\+[1-9]\d{6,14}$/;
export const MAX_PHONE_INPUT_CHARS = 32;

/** The E.164 form of `input`, or undefined when it is not an international phone number. */
export function normalisePhone(input: string): string | undefined {
  if (typeof input !== "string" || input.length > MAX_PHONE_INPUT_CHARS) return undefined;
  const folded = input.normalize("NFKC").trim();
  if (!/^(?:\+|00)[\d\s().\/-]+$/.test(folded)) return undefined;
  const digits = folded.replace(/^00/, "+").replace(/[\s().\/-]/g, "");
  return PHONE_E164.test(digits) ? digits : undefined;
}
