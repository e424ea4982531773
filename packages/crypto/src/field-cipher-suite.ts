// Behaviour of the field cipher, the envelope and the keyring, run in workerd and in Node.
import { describe, expect, it } from "vitest";
import { encodeBase64 } from "./base64.ts";
import { fromHex, toHex } from "./bytes.ts";
import { envelopeToText, parseEnvelope } from "./envelope.ts";
import { DecryptionError } from "./errors.ts";
import { decryptField, decryptFieldText, encryptField, needsReencryption } from "./field-cipher.ts";
import { loadKeyring as loadDefault, type Keyring } from "./keyring.ts";

const KEY_1 = encodeBase64(Uint8Array.from({ length: 32 }, (_, i) => i)); // 00 01 .. 1f
const KEY_2 = encodeBase64(Uint8Array.from({ length: 32 }, (_, i) => 0xa0 + i));
export const SAMPLE_KEY_1 = KEY_1;
export const KEYRING_K1 = JSON.stringify({ primary: "k1", keys: { k1: KEY_1 } });
export const KEYRING_K2_WITH_K1 = JSON.stringify({ primary: "k2", keys: { k1: KEY_1, k2: KEY_2 } });
const KEYRING_K2_ONLY = JSON.stringify({ primary: "k2", keys: { k2: KEY_2 } });

export const RECORD = { table: "reports", column: "raw_message_enc", rowId: "rep_01JTESTROW0000000000000000" };
export const SAMPLE = "From: alice@example.com\r\nSubject: Your invoice\r\n\r\nPay now."; // 58 bytes

/**
 * A known-answer envelope for RECORD and SAMPLE under KEY_1 with IV 000102030405060708090a0b, made by
 * the independent node:crypto implementation of the README's format (field-cipher.reference.test.ts
 * rebuilds it), so both runtimes read exactly the documented format.
 */
export const KNOWN_ENVELOPE_HEX =
  "01026b31" + "000102030405060708090a0b" +
  "be2a0dd0c972dec9571fdf8b3cd3cabcdcb6a9ef5b7ec1f2ff8c75bf66f68eb9778e9c145c84f421cfecb1b57df352196fd518e9424703b75eb646" +
  "37096e4b2a26a446ed7112fa6999dc";

async function expectRefused(promise: Promise<unknown>, code: DecryptionError["code"]): Promise<void> {
  const err = await promise.then(
    (value) => new Error(`decrypted to ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DecryptionError);
  expect((err as DecryptionError).code).toBe(code);
}

export function fieldCipherSuite(runtime: string, loadKeyring: (secret: string) => Keyring = loadDefault): void {
  describe(`field encryption in ${runtime}`, () => {
    const keyring = loadKeyring(KEYRING_K1);

    it("round-trips text and bytes, and lays the envelope out as documented", async () => {
      const envelope = await encryptField(keyring, RECORD, SAMPLE);
      expect(envelope[0]).toBe(1);
      expect(envelope[1]).toBe(2);
      expect(new TextDecoder().decode(envelope.subarray(2, 4))).toBe("k1");
      expect(envelope.length).toBe(2 + 2 + 12 + new TextEncoder().encode(SAMPLE).length + 16);
      expect(await decryptFieldText(keyring, RECORD, envelope)).toBe(SAMPLE);
      expect(await decryptFieldText(keyring, RECORD, envelopeToText(envelope))).toBe(SAMPLE);

      const binary = crypto.getRandomValues(new Uint8Array(65_536));
      const sealed = await encryptField(keyring, RECORD, binary);
      expect(toHex(await decryptField(keyring, RECORD, sealed))).toBe(toHex(binary));
      expect(await decryptFieldText(keyring, RECORD, await encryptField(keyring, RECORD, ""))).toBe("");
    });

    it("uses a fresh random IV for every encryption of the same value", async () => {
      const a = parseEnvelope(await encryptField(keyring, RECORD, SAMPLE));
      const b = parseEnvelope(await encryptField(keyring, RECORD, SAMPLE));
      expect(toHex(a.iv)).not.toBe(toHex(b.iv));
      expect(toHex(a.sealed)).not.toBe(toHex(b.sealed));
    });

    it("reads the known-answer envelope of the documented format", async () => {
      expect(await decryptFieldText(keyring, RECORD, fromHex(KNOWN_ENVELOPE_HEX))).toBe(SAMPLE);
    });

    it("refuses every single-bit flip of header, IV, ciphertext and tag", async () => {
      const envelope = await encryptField(keyring, RECORD, SAMPLE);
      const { header, iv, sealed } = parseEnvelope(envelope);
      const regions = { header: [0, header.length], iv: [header.length, header.length + iv.length], "ciphertext+tag": [header.length + iv.length, envelope.length] } as const;
      const refused: Record<string, number> = {};
      for (const [name, [start, end]] of Object.entries(regions)) {
        refused[name] = 0;
        for (let byte = start; byte < end; byte++) {
          for (let bit = 0; bit < 8; bit++) {
            const tampered = envelope.slice();
            tampered[byte]! ^= 1 << bit;
            const outcome = await decryptField(keyring, RECORD, tampered).then(
              () => "decrypted",
              (e: unknown) => (e instanceof DecryptionError ? "refused" : String(e)),
            );
            expect(outcome, `${name} byte ${byte} bit ${bit}`).toBe("refused");
            refused[name]!++;
          }
        }
      }
      expect(refused).toEqual({ header: 4 * 8, iv: 12 * 8, "ciphertext+tag": (58 + 16) * 8 });
    });

    it("refuses a ciphertext moved to another row, column or table", async () => {
      const envelope = await encryptField(keyring, RECORD, SAMPLE);
      await expectRefused(decryptField(keyring, { ...RECORD, rowId: "rep_01JTESTROW0000000000000001" }, envelope), "authentication_failed");
      await expectRefused(decryptField(keyring, { ...RECORD, column: "sender_address_enc" }, envelope), "authentication_failed");
      await expectRefused(decryptField(keyring, { ...RECORD, table: "users" }, envelope), "authentication_failed");
      // Length prefixes keep shifted boundaries apart: ("ab","c") is not ("a","bc").
      const split = await encryptField(keyring, { table: "ab", column: "c", rowId: "1" }, SAMPLE);
      await expectRefused(decryptField(keyring, { table: "a", column: "bc", rowId: "1" }, split), "authentication_failed");
    });

    it("refuses truncated, empty, non-base64url and unknown-version envelopes as malformed", async () => {
      const envelope = await encryptField(keyring, RECORD, SAMPLE);
      await expectRefused(decryptField(keyring, RECORD, envelope.subarray(0, 2 + 2 + 12 + 15)), "malformed");
      await expectRefused(decryptField(keyring, RECORD, new Uint8Array(0)), "malformed");
      await expectRefused(decryptField(keyring, RECORD, "not base64url!"), "malformed");
      const v2 = envelope.slice();
      v2[0] = 2;
      await expectRefused(decryptField(keyring, RECORD, v2), "unsupported_version");
    });

    it("keeps old keys decrypting after the primary changes, and says when a key is missing", async () => {
      const old = await encryptField(keyring, RECORD, SAMPLE);
      const rotated = loadKeyring(KEYRING_K2_WITH_K1);
      expect(needsReencryption(rotated, old)).toBe(true);
      expect(await decryptFieldText(rotated, RECORD, old)).toBe(SAMPLE);
      const fresh = await encryptField(rotated, RECORD, SAMPLE);
      expect(parseEnvelope(fresh).keyId).toBe("k2");
      expect(needsReencryption(rotated, fresh)).toBe(false);

      const err = await decryptField(loadKeyring(KEYRING_K2_ONLY), RECORD, old).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DecryptionError);
      expect((err as DecryptionError).code).toBe("unknown_key");
      expect((err as Error).message).toContain('encrypted with key "k1", which is not in the keyring (it has k2)');
    });

    it("refuses an empty table, column or row id", async () => {
      await expect(encryptField(keyring, { ...RECORD, rowId: "" }, SAMPLE)).rejects.toThrow("non-empty string rowId");
    });
  });
}
