// The primitives a keyring runs on. One construction, two implementations with identical outputs:
// WebCrypto (the default, used in workerd and anywhere else) and node:crypto (./node-engine.ts, an
// opt-in for Node operator tools such as key rotation, where WebCrypto's per-call thread hop costs
// ~10x more than the cipher itself). Both are checked against each other, the README's known-answer
// envelope and the Wycheproof vectors.
import { concatBytes } from "./bytes.ts";
import { hkdfExpand, hkdfExtract } from "./hkdf.ts";

/** One master key, prepared once (HKDF-Extract done) and cached by the keyring. */
export interface MasterKey {
  /** AES-256-GCM, 128-bit tag, under the key HKDF-Expand(PRK, info, 32): ciphertext || tag. */
  seal(info: Uint8Array, iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array>;
  /** The inverse of seal; rejects when the tag does not verify. */
  open(info: Uint8Array, iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Promise<Uint8Array>;
  /** HMAC-SHA256 under the key HKDF-Expand(PRK, info, 32). */
  mac(info: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
}

export interface CryptoEngine {
  readonly name: string;
  /** HKDF-Extract(salt = empty, master key). */
  prepareMaster(material: Uint8Array): Promise<MasterKey>;
}

const TAG_BITS = 128;

async function expandToKey(prk: CryptoKey, info: Uint8Array, algorithm: Parameters<typeof crypto.subtle.importKey>[2], usages: ("encrypt" | "decrypt" | "sign")[]): Promise<CryptoKey> {
  const raw = await hkdfExpand(prk, info, 32);
  try {
    return await crypto.subtle.importKey("raw", raw, algorithm, false, usages);
  } finally {
    raw.fill(0);
  }
}

export const webCryptoEngine: CryptoEngine = {
  name: "webcrypto",
  async prepareMaster(material) {
    // The PRK lives only as a non-extractable HMAC key; a per-record key is one HMAC away.
    const prk = await hkdfExtract(new Uint8Array(0), material);
    const macKeys = new Map<string, Promise<CryptoKey>>(); // few infos (one per blind-index purpose)
    const fieldKey = (info: Uint8Array) => expandToKey(prk, info, "AES-GCM", ["encrypt", "decrypt"]);
    return {
      async seal(info, iv, aad, plaintext) {
        return new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: aad, tagLength: TAG_BITS }, await fieldKey(info), plaintext));
      },
      async open(info, iv, aad, sealed) {
        return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: aad, tagLength: TAG_BITS }, await fieldKey(info), sealed));
      },
      async mac(info, data) {
        const id = String.fromCharCode(...info);
        let key = macKeys.get(id);
        if (!key) {
          key = expandToKey(prk, info, { name: "HMAC", hash: "SHA-256" }, ["sign"]);
          macKeys.set(id, key);
        }
        return new Uint8Array(await crypto.subtle.sign("HMAC", await key, data));
      },
    };
  },
};

/** HKDF-Expand for one 32-byte block: T(1) = HMAC(PRK, info | 0x01). Used by engines with a sync HMAC. */
export function expandInfoBlock(info: Uint8Array): Uint8Array {
  return concatBytes(info, new Uint8Array([1]));
}
