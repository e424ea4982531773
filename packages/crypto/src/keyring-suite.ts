// Keyring validation: every bad secret stops the service with a clear, typed error that never
// repeats key material. Run in workerd and in Node.
import { describe, expect, it } from "vitest";
import { encodeBase64, encodeBase64url } from "./base64.ts";
import { KeyringError, type KeyringErrorCode } from "./errors.ts";
import { decryptFieldText, encryptField } from "./field-cipher.ts";
import { generateKeyringSecret, loadKeyring } from "./keyring.ts";

const K1_BYTES = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const K1 = encodeBase64(K1_BYTES);
const K2 = encodeBase64(Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 0xff));

function failure(secret: unknown): KeyringError {
  try {
    loadKeyring(secret);
  } catch (err) {
    if (err instanceof KeyringError) return err;
    throw err;
  }
  throw new Error("the keyring was accepted");
}

const CASES: [string, unknown, KeyringErrorCode, string][] = [
  ["unset", undefined, "missing", "the secret is not set"],
  ["empty", "  ", "missing", "the secret is not set"],
  ["not JSON", `{"primary":"k1","keys":{"k1":"${K1}"`, "not_json", "not valid JSON"],
  ["an array", `["${K1}"]`, "bad_shape", "expected a JSON object"],
  ["a misspelt field", `{"primery":"k1","keys":{"k1":"${K1}"}}`, "bad_shape", `unknown field(s) "primery"`],
  ["no keys", `{"primary":"k1","keys":{}}`, "bad_shape", `"keys" must be a non-empty object`],
  ["a key id with a space", `{"primary":"k 1","keys":{"k 1":"${K1}"}}`, "bad_key_id", `key id "k 1" is not allowed`],
  ["bad base64", `{"primary":"k1","keys":{"k1":"${K1.slice(0, 40)}$$=="}}`, "bad_base64", `key "k1" is not valid base64`],
  ["base64 with a space inside", `{"primary":"k1","keys":{"k1":"${K1.slice(0, 20)} ${K1.slice(20)}"}}`, "bad_base64", `key "k1" is not valid base64`],
  ["a non-string key", `{"primary":"k1","keys":{"k1":12345}}`, "bad_base64", `key "k1" must be a base64 string`],
  ["a 16-byte key", `{"primary":"k1","keys":{"k1":"${encodeBase64(new Uint8Array(16).fill(9))}"}}`, "wrong_length", `key "k1" is 16 bytes; AES-256 keys must be exactly 32 bytes`],
  ["a 33-byte key", `{"primary":"k1","keys":{"k1":"${encodeBase64(new Uint8Array(33).fill(9))}"}}`, "wrong_length", `key "k1" is 33 bytes`],
  ["the same key under two ids", `{"primary":"k2","keys":{"k1":"${K1}","k2":"${K1}"}}`, "duplicate_key", `keys "k1" and "k2" are the same key`],
  ["no primary", `{"keys":{"k1":"${K1}"}}`, "missing_primary", `"primary" is missing`],
  ["a primary that names no key", `{"primary":"k3","keys":{"k1":"${K1}","k2":"${K2}"}}`, "unknown_primary", `"primary" names key "k3", which is not among the keys (k1, k2)`],
];

export function keyringSuite(runtime: string): void {
  describe(`keyring validation in ${runtime}`, () => {
    for (const [label, secret, code, message] of CASES) {
      it(`refuses ${label} (${code})`, () => {
        const err = failure(secret);
        expect(err.code).toBe(code);
        expect(err.message).toContain("TRACEO_ENCRYPTION_KEYS: ");
        expect(err.message).toContain(message);
        for (const material of [K1, K1.slice(0, 20), K1.slice(20), K2]) expect(err.message).not.toContain(material);
      });
    }

    it("accepts padded base64, unpadded base64 and base64url spellings of the same key", async () => {
      const padded = loadKeyring(`{"primary":"k1","keys":{"k1":"${K1}"}}`);
      const url = loadKeyring(`{"primary":"k1","keys":{"k1":"${encodeBase64url(K1_BYTES)}"}}`);
      const unpadded = loadKeyring(`{"primary":"k1","keys":{"k1":"${K1.replace(/(?<!=)=+$/, "")}"}}`);
      const ctx = { table: "t", column: "c", rowId: "1" };
      expect(await decryptFieldText(url, ctx, await encryptField(padded, ctx, "same key"))).toBe("same key");
      expect(await decryptFieldText(padded, ctx, await encryptField(unpadded, ctx, "same key"))).toBe("same key");
    });

    it("returns one keyring per secret text or object, so keys are imported once per isolate", () => {
      const secret = `{"primary":"k2","keys":{"k1":"${K1}","k2":"${K2}"}}`;
      const keyring = loadKeyring(secret);
      expect(loadKeyring(secret)).toBe(keyring);
      expect(keyring.primaryKeyId).toBe("k2");
      expect(keyring.keyIds).toEqual(["k1", "k2"]);
      const binding = JSON.parse(secret) as object; // a JSON [vars] binding arrives as an object
      expect(loadKeyring(binding)).toBe(loadKeyring(binding));
      expect(loadKeyring(binding).keyIds).toEqual(["k1", "k2"]);
    });

    it("shows key ids, never key bytes, when serialised", () => {
      const keyring = loadKeyring(`{"primary":"k1","keys":{"k1":"${K1}"}}`);
      expect(JSON.stringify(keyring)).toBe('{"primaryKeyId":"k1","keyIds":["k1"]}');
      expect(String(Object.values(keyring))).not.toContain(K1.slice(0, 10));
    });

    it("generates loadable single-key secrets with fresh randomness", () => {
      const a = generateKeyringSecret("dev1");
      const b = generateKeyringSecret("dev1");
      expect(a).not.toBe(b);
      expect(loadKeyring(a).keyIds).toEqual(["dev1"]);
      expect(JSON.parse(a).keys.dev1).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    });
  });
}
