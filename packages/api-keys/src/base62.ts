export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Fixed-width base62 of a 32-bit unsigned integer (6 chars hold 62^6 > 2^32). */
export function base62FromUint32(value: number, width = 6): string {
  let out = "";
  let rest = value >>> 0;
  for (let i = 0; i < width; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

/**
 * `length` uniformly random base62 characters from crypto.getRandomValues.
 * Rejection sampling (bytes >= 248 are dropped) keeps every character equally likely.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
