import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.ts";
import { displayPrefix, generateApiKey, hashApiKey, parseApiKey } from "./format.ts";
import { extractApiKey } from "./extract.ts";

describe("crc32", () => {
  it("matches the standard check value and zlib", () => {
    // The CRC-32/ISO-HDLC check value for "123456789" is 0xCBF43926.
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe("API key format", () => {
  it("generates sk_test_/sk_live_ keys of 46 characters that parse back", () => {
    for (const env of ["test", "live"] as const) {
      const key = generateApiKey(env);
      expect(key).toMatch(new RegExp(`^sk_${env}_[0-9A-Za-z]{38}$`));
      expect(parseApiKey(key)).toEqual({ ok: true, environment: env });
    }
  });

  it("never repeats and spreads characters evenly (randomness comes from getRandomValues)", () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey("test"));
    expect(new Set(keys).size).toBe(2000);
    const counts = new Map<string, number>();
    for (const key of keys) for (const ch of key.slice(8, 40)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 64,000 draws over 62 symbols: about 1,032 each; a biased generator would fall far outside.
    for (const n of counts.values()) expect(n).toBeGreaterThan(850);
    for (const n of counts.values()) expect(n).toBeLessThan(1220);
  });

  it("detects every single-character typo through the checksum", () => {
    const key = generateApiKey("live");
    for (let i = 8; i < key.length; i++) {
      const replacement = key[i] === "x" ? "y" : "x";
      const typo = key.slice(0, i) + replacement + key.slice(i + 1);
      expect(parseApiKey(typo).ok, `position ${i}`).toBe(false);
    }
  });

  it("refuses other shapes without echoing the input", () => {
    for (const bad of ["", "sk_prod_" + "a".repeat(38), "sk_test_" + "a".repeat(37), "pk_test_" + "a".repeat(38), "sk_test_" + "a".repeat(37) + "!"]) {
      const parsed = parseApiKey(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok && bad.length > 0) expect(parsed.reason).not.toContain(bad);
    }
  });

  it("hashes with SHA-256 and keeps a 12-character display prefix", async () => {
    expect(await hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(displayPrefix("sk_test_ABCDEFGHIJ")).toBe("sk_test_ABCD");
  });
});

describe("extractApiKey", () => {
  it("reads Bearer in any case and X-API-Key", () => {
    expect(extractApiKey("Bearer k1", undefined)).toEqual({ key: "k1" });
    expect(extractApiKey("BEARER   k2 ", undefined)).toEqual({ key: "k2" });
    expect(extractApiKey(undefined, " k3 ")).toEqual({ key: "k3" });
    expect(extractApiKey(undefined, undefined)).toEqual({ missing: true });
    expect(extractApiKey("Basic abc", undefined)).toHaveProperty("malformedHeader");
    expect(extractApiKey("Bearer a b", undefined)).toHaveProperty("malformedHeader");
    expect(extractApiKey("Bearer k1", "k2")).toEqual({ conflicting: true });
    expect(extractApiKey("Bearer k1", " k1 ")).toEqual({ key: "k1" });
  });
});
