// The package against an independent node:crypto implementation of the README's formats.
import { describe, expect, it } from "vitest";
import { blindIndex, normaliseEmail } from "./blind-index.ts";
import { fromHex, toHex } from "./bytes.ts";
import { decryptFieldText, encryptField } from "./field-cipher.ts";
import { KEYRING_K1, KNOWN_ENVELOPE_HEX, RECORD, SAMPLE } from "./field-cipher-suite.ts";
import { loadKeyring } from "./keyring.ts";
import { referenceBlindIndex, referenceDecrypt, referenceEncrypt } from "./reference-format.ts";

const MASTER = Uint8Array.from({ length: 32 }, (_, i) => i);
const keyring = loadKeyring(KEYRING_K1);

describe("the documented formats, checked with node:crypto", () => {
  it("rebuilds the known-answer envelope byte for byte", () => {
    const iv = Uint8Array.from({ length: 12 }, (_, i) => i);
    expect(toHex(referenceEncrypt(MASTER, "k1", RECORD, new TextEncoder().encode(SAMPLE), iv))).toBe(KNOWN_ENVELOPE_HEX);
  });

  it("reads what the package writes, and the package reads what it writes", async () => {
    for (const text of ["", "x", "\uFEFFstarts with a BOM", SAMPLE, "é".repeat(5000)]) {
      const ours = await encryptField(keyring, RECORD, text);
      expect(referenceDecrypt({ k1: MASTER }, RECORD, ours).toString("utf8")).toBe(text);
      const theirs = referenceEncrypt(MASTER, "k1", RECORD, new TextEncoder().encode(text), crypto.getRandomValues(new Uint8Array(12)));
      expect(await decryptFieldText(keyring, RECORD, theirs)).toBe(text);
    }
    expect(await decryptFieldText(keyring, RECORD, fromHex(KNOWN_ENVELOPE_HEX))).toBe(SAMPLE);
  });

  it("computes the same blind index", async () => {
    const email = " Jörg+Tag@Bücher.de ";
    expect(toHex(await blindIndex(keyring, email))).toBe(referenceBlindIndex(MASTER, normaliseEmail(email)).toString("hex"));
  });
});
