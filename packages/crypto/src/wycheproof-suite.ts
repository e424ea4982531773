// Wycheproof AES-GCM and HKDF-SHA256 through the runtime's WebCrypto. Shared by the workerd test
// (the runtime that serves production) and the Node test (the runtime the rotation CLI uses).
// Vectors: ../test-vectors (C2SP/wycheproof, Apache-2.0).
import { describe, expect, it } from "vitest";
import aesGcm from "../test-vectors/wycheproof_aes_gcm_test.json";
import hkdf from "../test-vectors/wycheproof_hkdf_sha256_test.json";
import { bytesEqual, concatBytes, fromHex, toHex } from "./bytes.ts";
import { hkdfExpand, hkdfExtract } from "./hkdf.ts";

interface AeadCase { tcId: number; key: string; iv: string; aad: string; msg: string; ct: string; tag: string; result: string; flags: string[] }
interface AeadGroup { keySize: number; ivSize: number; tagSize: number; tests: AeadCase[] }
interface HkdfCase { tcId: number; ikm: string; salt: string; info: string; size: number; okm: string; result: string; flags: string[] }

export interface AesGcmExpectation {
  /** Valid cases that decrypt to their message and encrypt to their ciphertext and tag. */
  valid: number;
  /** Invalid cases the runtime accepts as parameters and then refuses at decryption. */
  refusedByAuthentication: number;
  /** Invalid cases whose parameters (e.g. an empty IV) the runtime refuses outright: tcIds. */
  refusedByParameters: number[];
  /** Valid cases the runtime cannot express (IV/tag/key size it refuses): not run, but counted. */
  inexpressible: number;
}

/** The runtime's refusal message for a (key, IV, tag) size, or undefined when it accepts it. */
async function parameterRefusal(keyBits: number, ivBits: number, tagBits: number): Promise<string | undefined> {
  try {
    const key = await crypto.subtle.importKey("raw", new Uint8Array(keyBits / 8), "AES-GCM", false, ["encrypt"]);
    await crypto.subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(ivBits / 8), tagLength: tagBits }, key, new Uint8Array(0));
    return undefined;
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
}

async function decryptCase(t: AeadCase, params: Parameters<typeof crypto.subtle.decrypt>[0]): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", fromHex(t.key), "AES-GCM", false, ["decrypt"]);
  return new Uint8Array(await crypto.subtle.decrypt(params, key, concatBytes(fromHex(t.ct), fromHex(t.tag))));
}

export function wycheproofSuite(runtime: string, expected: AesGcmExpectation): void {
  describe(`Wycheproof AES-GCM through WebCrypto in ${runtime}`, () => {
    it("decrypts every valid case to its message, refuses every invalid case, and counts what cannot be expressed", async () => {
      let valid = 0;
      let refusedByAuthentication = 0;
      const refusedByParameters: string[] = [];
      const refusedIds: number[] = [];
      const inexpressible: string[] = [];
      const refusals = new Map<string, string | undefined>();
      for (const group of (aesGcm as { testGroups: AeadGroup[] }).testGroups) {
        const shape = `key ${group.keySize} bits, IV ${group.ivSize} bits, tag ${group.tagSize} bits`;
        if (!refusals.has(shape)) refusals.set(shape, await parameterRefusal(group.keySize, group.ivSize, group.tagSize));
        const refusal = refusals.get(shape);
        for (const t of group.tests) {
          const params = { name: "AES-GCM", iv: fromHex(t.iv), additionalData: fromHex(t.aad), tagLength: group.tagSize };
          if (t.result === "valid" && refusal === undefined) {
            expect(toHex(await decryptCase(t, params)), `tcId ${t.tcId}`).toBe(t.msg);
            const key = await crypto.subtle.importKey("raw", fromHex(t.key), "AES-GCM", false, ["encrypt"]);
            expect(toHex(new Uint8Array(await crypto.subtle.encrypt(params, key, fromHex(t.msg)))), `tcId ${t.tcId}`).toBe(t.ct + t.tag);
            valid++;
          } else if (t.result === "valid") {
            inexpressible.push(`tcId ${t.tcId} [${t.flags.join(",")}] ${shape}: ${refusal}`);
          } else if (t.result === "invalid") {
            await expect(decryptCase(t, params), `tcId ${t.tcId} must be refused`).rejects.toThrow();
            if (refusal === undefined) refusedByAuthentication++;
            else {
              refusedByParameters.push(`tcId ${t.tcId} [${t.flags.join(",")}] ${shape}: ${refusal}`);
              refusedIds.push(t.tcId);
            }
          } else throw new Error(`tcId ${t.tcId}: unexpected result "${t.result}"`);
        }
      }
      console.log(
        [
          `Wycheproof AES-GCM, ${aesGcm.numberOfTests} cases, WebCrypto in ${runtime}:`,
          `  ${valid} valid: decrypted to their message and re-encrypted to their ciphertext+tag`,
          `  ${refusedByAuthentication} invalid: refused at decryption`,
          `  ${refusedByParameters.length} invalid: refused because the runtime rejects their parameters`,
          ...refusedByParameters.map((line) => `      ${line}`),
          `  ${inexpressible.length} valid but not expressible in this runtime (not run)`,
          ...inexpressible.map((line) => `      ${line}`),
        ].join("\n"),
      );
      expect(valid + refusedByAuthentication + refusedByParameters.length + inexpressible.length).toBe(aesGcm.numberOfTests);
      expect({ valid, refusedByAuthentication, refusedByParameters: refusedIds, inexpressible: inexpressible.length }).toEqual(expected);
    });
  });

  describe(`Wycheproof HKDF-SHA256 in ${runtime}`, () => {
    it("WebCrypto's HKDF and the package's HMAC-based HKDF derive every valid output and refuse every oversized one", async () => {
      let valid = 0;
      const refused: number[] = [];
      for (const group of (hkdf as { testGroups: { tests: HkdfCase[] }[] }).testGroups) {
        for (const t of group.tests) {
          const ikm = await crypto.subtle.importKey("raw", fromHex(t.ikm), "HKDF", false, ["deriveBits"]);
          const webCrypto = () => crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: fromHex(t.salt), info: fromHex(t.info) }, ikm, t.size * 8);
          const ours = async () => hkdfExpand(await hkdfExtract(fromHex(t.salt), fromHex(t.ikm)), fromHex(t.info), t.size);
          if (t.result === "valid") {
            expect(bytesEqual(new Uint8Array(await webCrypto()), fromHex(t.okm)), `tcId ${t.tcId} (WebCrypto)`).toBe(true);
            expect(toHex(await ours()), `tcId ${t.tcId} (package)`).toBe(t.okm);
            valid++;
          } else {
            expect(t.flags, `tcId ${t.tcId}`).toEqual(["SizeTooLarge"]);
            await expect(webCrypto(), `tcId ${t.tcId} must be refused (WebCrypto)`).rejects.toThrow();
            await expect(ours(), `tcId ${t.tcId} must be refused (package)`).rejects.toThrow(RangeError);
            refused.push(t.tcId);
          }
        }
      }
      console.log(`Wycheproof HKDF-SHA256, ${hkdf.numberOfTests} cases, in ${runtime}: ${valid} valid derived exactly by WebCrypto and by the package, ${refused.length} oversized outputs refused by both (tcId ${refused.join(", ")})`);
      expect({ valid, refused: refused.length }).toEqual({ valid: 83, refused: 3 });
    });
  });
}
