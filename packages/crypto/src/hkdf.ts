// HKDF-SHA256 (RFC 5869) on WebCrypto HMAC. WebCrypto's own HKDF redoes Extract on every call;
// here Extract runs once per master key (the keyring caches the PRK as a non-extractable HMAC key)
// and a 32-byte per-record key costs one HMAC. The output is the same bytes as WebCrypto's HKDF
// (the Wycheproof HKDF vectors check both).
import { concatBytes } from "./bytes.ts";

const HASH_BYTES = 32;
const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" } as const;

/** HKDF-Extract: PRK = HMAC(salt, IKM), an empty salt meaning 32 zero bytes. */
export async function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Promise<CryptoKey> {
  const saltKey = await crypto.subtle.importKey("raw", salt.length ? salt : new Uint8Array(HASH_BYTES), HMAC_SHA256, false, ["sign"]);
  const prk = new Uint8Array(await crypto.subtle.sign("HMAC", saltKey, ikm));
  try {
    return await crypto.subtle.importKey("raw", prk, HMAC_SHA256, false, ["sign"]);
  } finally {
    prk.fill(0);
  }
}

/** HKDF-Expand: T(i) = HMAC(PRK, T(i-1) | info | i), at most 255 blocks. */
export async function hkdfExpand(prk: CryptoKey, info: Uint8Array, length: number): Promise<Uint8Array> {
  if (!Number.isInteger(length) || length < 0 || length > 255 * HASH_BYTES) throw new RangeError(`HKDF-SHA256 output must be 0 to ${255 * HASH_BYTES} bytes`);
  const out = new Uint8Array(length);
  let previous = new Uint8Array(0);
  for (let block = 1, offset = 0; offset < length; block++, offset += HASH_BYTES) {
    previous = new Uint8Array(await crypto.subtle.sign("HMAC", prk, concatBytes(previous, info, new Uint8Array([block]))));
    out.set(previous.subarray(0, Math.min(HASH_BYTES, length - offset)), offset);
  }
  previous.fill(0);
  return out;
}
