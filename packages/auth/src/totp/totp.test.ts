// RFC 6238 Appendix B and RFC 4226 Appendix D through our TOTP layer. The vectors are a copy of the
// public RFC values (see ../../test-vectors/README.md).
import { describe, expect, it } from "vitest";
import vectors from "../../test-vectors/rfc6238_totp.json" with { type: "json" };
import { decodeBase32, encodeBase32 } from "./base32.ts";
import { hotp, matchTotpStep, normaliseTotpCode, totp, type TotpAlgorithm } from "./totp.ts";

const seeds = vectors.seeds as Record<TotpAlgorithm, { ascii: string; base32: string }>;

describe("RFC 6238 Appendix B", () => {
  it.each(vectors.vectors)("$algorithm at T=$time gives $code", ({ time, algorithm, digits, code }) => {
    const seed = seeds[algorithm as TotpAlgorithm];
    const secret = decodeBase32(seed.base32)!;
    expect(new TextDecoder().decode(secret)).toBe(seed.ascii);
    expect(totp(secret, time * 1000, { algorithm: algorithm as TotpAlgorithm, digits, periodSeconds: 30 })).toBe(code);
  });

  it("covers all three algorithms at six times", () => {
    expect(new Set(vectors.vectors.map((v) => v.algorithm))).toEqual(new Set(["SHA1", "SHA256", "SHA512"]));
    expect(vectors.vectors).toHaveLength(18);
  });
});

describe("RFC 4226 Appendix D", () => {
  it.each(vectors.hotp_rfc4226.codes_by_counter.map((code, counter) => ({ code, counter })))("HOTP counter $counter gives $code", ({ code, counter }) => {
    const secret = new TextEncoder().encode(seeds.SHA1.ascii);
    expect(hotp(secret, counter, { algorithm: "SHA1", digits: 6 })).toBe(code);
  });
});

describe("matchTotpStep", () => {
  const secret = new TextEncoder().encode(seeds.SHA1.ascii);
  const now = 1_700_000_000_000;
  const step = Math.floor(now / 30_000);
  const codeAt = (s: number) => hotp(secret, s);

  it("accepts the current step and one step either side, and reports which", () => {
    expect(matchTotpStep(secret, codeAt(step), now)).toBe(step);
    expect(matchTotpStep(secret, codeAt(step - 1), now)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(step + 1), now)).toBe(step + 1);
  });

  it("refuses codes two steps away", () => {
    expect(matchTotpStep(secret, codeAt(step - 2), now)).toBeUndefined();
    expect(matchTotpStep(secret, codeAt(step + 2), now)).toBeUndefined();
  });

  it("normalises entered codes", () => {
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("12345")).toBeUndefined();
    expect(normaliseTotpCode("12345a")).toBeUndefined();
    expect(normaliseTotpCode("１２３４５６")).toBeUndefined();
  });
});

describe("base32 secrets", () => {
  const bytes = new TextEncoder().encode("12345678901234567890");

  it("decodes lowercase, spaced, unpadded and over-padded forms to the same bytes", () => {
    for (const form of ["GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ===="]) {
      expect(decodeBase32(form)).toEqual(bytes);
    }
    expect(decodeBase32("MZXW6")).toEqual(new TextEncoder().encode("foo"));
    expect(decodeBase32("mzxw6===")).toEqual(new TextEncoder().encode("foo"));
    expect(decodeBase32("MZXW6YQ")).toEqual(new TextEncoder().encode("foob"));
  });

  it("refuses text that is not base32", () => {
    for (const bad of ["", "====", "GEZ1", "GEZDGNBVG!", "A", "ABC"]) expect(decodeBase32(bad)).toBeUndefined();
  });

  it("round-trips random secrets", () => {
    for (let n = 1; n <= 40; n++) {
      const secret = crypto.getRandomValues(new Uint8Array(n));
      expect(decodeBase32(encodeBase32(secret))).toEqual(secret);
    }
  });
});
