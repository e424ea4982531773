// The keyring: master keys by id plus the id new writes use. Parsed and validated in full before
// anything is served, so a bad secret stops the service instead of producing unreadable data.
// Prepared master keys are cached on the keyring, and keyrings are memoised by secret text, so an
// isolate imports each key once however many requests call loadKeyring().
import { decodeBase64Strict, encodeBase64 } from "./base64.ts";
import { bytesEqual } from "./bytes.ts";
import { webCryptoEngine, type CryptoEngine, type MasterKey } from "./engine.ts";
import { DecryptionError, KeyringError } from "./errors.ts";

export const MASTER_KEY_BYTES = 32;
export const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EXAMPLE = `{"primary":"k1","keys":{"k1":"<base64 of 32 random bytes>"}}`;

export class Keyring {
  /** Every write encrypts under this key. */
  readonly primaryKeyId: string;
  /** All ids that can still decrypt, primary included. */
  readonly keyIds: readonly string[];
  readonly #material: ReadonlyMap<string, Uint8Array>;
  readonly #engine: CryptoEngine;
  readonly #masters = new Map<string, Promise<MasterKey>>();

  constructor(primaryKeyId: string, material: ReadonlyMap<string, Uint8Array>, engine: CryptoEngine = webCryptoEngine) {
    this.primaryKeyId = primaryKeyId;
    this.keyIds = Object.freeze([...material.keys()]);
    this.#material = material;
    this.#engine = engine;
  }

  has(keyId: string): boolean {
    return this.#material.has(keyId);
  }

  /** A master key, prepared (HKDF-Extract) once per keyring and so once per isolate. */
  masterKey(keyId: string): Promise<MasterKey> {
    const material = this.#material.get(keyId);
    if (!material) return Promise.reject(new DecryptionError("unknown_key", `key "${keyId}" is not in the keyring (it has ${this.keyIds.join(", ")})`));
    let pending = this.#masters.get(keyId);
    if (!pending) {
      pending = this.#engine.prepareMaster(material);
      this.#masters.set(keyId, pending);
      pending.catch(() => this.#masters.delete(keyId));
    }
    return pending;
  }

  // Logs and JSON show which keys exist, never their bytes.
  toJSON(): { primaryKeyId: string; keyIds: readonly string[] } {
    return { primaryKeyId: this.primaryKeyId, keyIds: this.keyIds };
  }
}

// Per engine: secret text -> keyring, and secret object (a JSON var binding) -> keyring.
const memoised = new WeakMap<CryptoEngine, { byText: Map<string, Keyring>; byObject: WeakMap<object, Keyring> }>();

export interface KeyringOptions {
  /** Defaults to WebCrypto; Node operator tools may pass nodeCryptoEngine (@traceo/crypto/node-engine). */
  engine?: CryptoEngine;
}

/**
 * Parses `TRACEO_ENCRYPTION_KEYS` (JSON `{"primary": id, "keys": {id: base64 32 bytes, ...}}`, or the
 * same shape as an object). Throws KeyringError, with a message that names the problem and never
 * the key bytes, for: missing secret, not JSON, unknown fields, a bad key id, bad base64, a key not
 * 32 bytes long, two ids with the same key, a missing primary, or a primary that names no key.
 */
export function loadKeyring(secret: unknown, options: KeyringOptions = {}): Keyring {
  const engine = options.engine ?? webCryptoEngine;
  let cache = memoised.get(engine);
  if (!cache) memoised.set(engine, (cache = { byText: new Map(), byObject: new WeakMap() }));
  const known = typeof secret === "string" ? cache.byText.get(secret) : typeof secret === "object" && secret !== null ? cache.byObject.get(secret) : undefined;
  if (known) return known;
  const keyring = new Keyring(...parseKeyring(secret), engine);
  if (typeof secret === "string") {
    if (cache.byText.size >= 8) cache.byText.clear(); // a handful of secrets per isolate at most; never grow unbounded
    cache.byText.set(secret, keyring);
  } else if (typeof secret === "object" && secret !== null) cache.byObject.set(secret, keyring);
  return keyring;
}

function parseKeyring(secret: unknown): [primary: string, material: Map<string, Uint8Array>] {
  if (secret === undefined || secret === null || (typeof secret === "string" && secret.trim() === "")) {
    throw new KeyringError("missing", `the secret is not set; expected JSON like ${EXAMPLE}`);
  }
  let value: unknown = secret;
  if (typeof secret === "string") {
    try {
      value = JSON.parse(secret);
    } catch {
      // The parser's own message can quote part of the input, i.e. of a key: say only where to look.
      throw new KeyringError("not_json", `the secret is not valid JSON; expected ${EXAMPLE}`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new KeyringError("bad_shape", `expected a JSON object like ${EXAMPLE}`);
  }
  const record = value as Record<string, unknown>;
  const unknownFields = Object.keys(record).filter((k) => k !== "primary" && k !== "keys");
  if (unknownFields.length) throw new KeyringError("bad_shape", `unknown field(s) ${unknownFields.map((f) => `"${f}"`).join(", ")}; only "primary" and "keys" are allowed`);
  const keys = record.keys;
  if (typeof keys !== "object" || keys === null || Array.isArray(keys) || Object.keys(keys).length === 0) {
    throw new KeyringError("bad_shape", `"keys" must be a non-empty object of key id -> base64 key`);
  }

  const material = new Map<string, Uint8Array>();
  for (const [id, encoded] of Object.entries(keys)) {
    if (!KEY_ID_PATTERN.test(id)) throw new KeyringError("bad_key_id", `key id "${printable(id)}" is not allowed; use 1-64 of A-Z a-z 0-9 . _ - starting with a letter or digit`);
    if (typeof encoded !== "string") throw new KeyringError("bad_base64", `key "${id}" must be a base64 string`);
    const bytes = decodeBase64Strict(encoded.trim());
    if (!bytes) throw new KeyringError("bad_base64", `key "${id}" is not valid base64`);
    if (bytes.length !== MASTER_KEY_BYTES) {
      throw new KeyringError("wrong_length", `key "${id}" is ${bytes.length} bytes; AES-256 keys must be exactly ${MASTER_KEY_BYTES} bytes (44 base64 characters)`);
    }
    for (const [otherId, other] of material) {
      if (bytesEqual(other, bytes)) throw new KeyringError("duplicate_key", `keys "${otherId}" and "${id}" are the same key; each id needs its own random key`);
    }
    material.set(id, bytes);
  }

  const primary = record.primary;
  if (primary === undefined || primary === null || primary === "") throw new KeyringError("missing_primary", `"primary" is missing; name the key id new data is encrypted with`);
  if (typeof primary !== "string") throw new KeyringError("missing_primary", `"primary" must be a key id string`);
  if (!material.has(primary)) throw new KeyringError("unknown_primary", `"primary" names key "${printable(primary)}", which is not among the keys (${[...material.keys()].join(", ")})`);
  return [primary, material];
}

function printable(id: string): string {
  return id.length > 64 ? `${id.slice(0, 64)}…` : id.replace(/[^\x20-\x7e]/g, "?");
}

/** A fresh single-key secret, e.g. for a generated .dev.vars. */
export function generateKeyringSecret(keyId = "k1"): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw new TypeError(`bad key id "${keyId}"`);
  const key = encodeBase64(crypto.getRandomValues(new Uint8Array(MASTER_KEY_BYTES)));
  return JSON.stringify({ primary: keyId, keys: { [keyId]: key } });
}
