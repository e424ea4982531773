// RFC 4648 base32 for TOTP secrets. Entered secrets are decoded tolerantly (any case, spaces or
// hyphens between groups, missing or extra "=" padding) to BYTES: the secret is never used as text.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out; // unpadded, as Google's Key URI format writes it
}

// Base32 lengths that cannot end a whole number of bytes (mod 8).
const IMPOSSIBLE_TAILS = new Set([1, 3, 6]);

/** The secret's bytes, or undefined when it is not base32 at all. */
export function decodeBase32(input: string): Uint8Array | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]+/g, "").replace(/(?<!=)=+$/, "");
  if (cleaned === "" || !/^[A-Z2-7]+$/.test(cleaned) || IMPOSSIBLE_TAILS.has(cleaned.length % 8)) return undefined;
  const out = new Uint8Array(Math.floor((cleaned.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of cleaned) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}
