// The node:crypto engine (used by the rotation CLI) must behave exactly like the WebCrypto one.
import { describe, expect, it } from "vitest";
import { blindIndexSuite } from "./blind-index-suite.ts";
import { blindIndex } from "./blind-index.ts";
import { fromHex, toHex } from "./bytes.ts";
import { decryptFieldText, encryptField } from "./field-cipher.ts";
import { fieldCipherSuite, KEYRING_K2_WITH_K1, KNOWN_ENVELOPE_HEX, RECORD, SAMPLE } from "./field-cipher-suite.ts";
import { loadKeyring } from "./keyring.ts";
import { nodeCryptoEngine } from "./node-engine.ts";

const loadNode = (secret: string) => loadKeyring(secret, { engine: nodeCryptoEngine });

fieldCipherSuite("Node with the node:crypto engine", loadNode);
blindIndexSuite("Node with the node:crypto engine", loadNode);

describe("node:crypto engine against the WebCrypto engine", () => {
  const web = loadKeyring(KEYRING_K2_WITH_K1);
  const node = loadNode(KEYRING_K2_WITH_K1);

  it("is a separate keyring per engine for the same secret", () => {
    expect(node).not.toBe(web);
    expect(loadNode(KEYRING_K2_WITH_K1)).toBe(node);
  });

  it("reads what the other writes, both ways, for text from empty to 64 KB", async () => {
    for (const text of ["", SAMPLE, "ü".repeat(32_768)]) {
      expect(await decryptFieldText(web, RECORD, await encryptField(node, RECORD, text))).toBe(text);
      expect(await decryptFieldText(node, RECORD, await encryptField(web, RECORD, text))).toBe(text);
    }
    expect(await decryptFieldText(node, RECORD, fromHex(KNOWN_ENVELOPE_HEX))).toBe(SAMPLE);
  });

  it("computes the same blind index", async () => {
    expect(toHex(await blindIndex(node, "Alice@Example.com"))).toBe(toHex(await blindIndex(web, "alice@example.com")));
  });
});
