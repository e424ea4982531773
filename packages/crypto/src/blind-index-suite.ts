// Blind index: equal for the same normalised address, different across keys, never the address.
import { describe, expect, it } from "vitest";
import { blindIndex, blindIndexCandidates, normaliseEmail } from "./blind-index.ts";
import { blindSearchTokens } from "./blind-tokens.ts";
import { toHex } from "./bytes.ts";
import { KEYRING_K1, KEYRING_K2_WITH_K1 } from "./field-cipher-suite.ts";
import { loadKeyring as loadDefault, type Keyring } from "./keyring.ts";

export function blindIndexSuite(runtime: string, loadKeyring: (secret: string) => Keyring = loadDefault): void {
  describe(`blind index in ${runtime}`, () => {
    const keyring = loadKeyring(KEYRING_K1);

    it("normalises trim, NFKC, case and IDN domains, and keeps plus tags and dots", () => {
      expect(normaliseEmail("  Alice.Smith@Example.COM \n")).toBe("alice.smith@example.com");
      expect(normaliseEmail("ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")).toBe("alice@example.com"); // full-width forms
      expect(normaliseEmail("Jörg@Bücher.DE")).toBe("jörg@xn--bcher-kva.de");
      expect(normaliseEmail("jörg@xn--bcher-kva.de")).toBe("jörg@xn--bcher-kva.de");
      expect(normaliseEmail("Jo\u0308rg@example.com")).toBe("jörg@example.com"); // decomposed ö composes
      expect(normaliseEmail("alice+news@example.com")).toBe("alice+news@example.com");
      expect(normaliseEmail("a@b@example.com")).toBe("a@b@example.com"); // the domain follows the last @
    });

    it("refuses what is not an email address", () => {
      for (const bad of ["", "alice", "@example.com", "alice@", "al ice@example.com", "alice@exa mple.com", "alice@exa/mple.com"]) {
        expect(() => normaliseEmail(bad), bad).toThrow(TypeError);
      }
    });

    it("is 32 bytes, the same for every spelling of one address, and different for another", async () => {
      const index = await blindIndex(keyring, "alice@example.com");
      expect(index.length).toBe(32);
      expect(toHex(await blindIndex(keyring, " ALICE@example.COM"))).toBe(toHex(index));
      expect(toHex(await blindIndex(keyring, "ａｌｉｃｅ@example.com"))).toBe(toHex(index));
      expect(toHex(await blindIndex(keyring, "alice+x@example.com"))).not.toBe(toHex(index));
      expect(toHex(await blindIndex(keyring, "alice@example.org"))).not.toBe(toHex(index));
      expect(new TextDecoder().decode(index)).not.toContain("alice");
    });

    it("changes with the key, and lists every key's index (primary first) for lookups during rotation", async () => {
      const rotated = loadKeyring(KEYRING_K2_WITH_K1);
      const underK1 = toHex(await blindIndex(keyring, "alice@example.com"));
      const underK2 = toHex(await blindIndex(rotated, "alice@example.com"));
      expect(underK2).not.toBe(underK1);
      const candidates = await blindIndexCandidates(rotated, "Alice@Example.com");
      expect(candidates.map((c) => [c.keyId, toHex(c.index)])).toEqual([
        ["k2", underK2],
        ["k1", underK1],
      ]);
    });

    it("blinds search words to signed 64-bit decimals: stable per key, distinct per word and key, unrelated to the email index", async () => {
      const rotated = loadKeyring(KEYRING_K2_WITH_K1);
      const [invoice, invoice2, other] = await blindSearchTokens(keyring, ["invoice", "invoice", "invoices"]);
      expect(invoice).toMatch(/^-?\d{1,19}$/);
      expect(BigInt(invoice!)).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(BigInt(invoice!)).toBeLessThan(2n ** 63n);
      expect(invoice2).toBe(invoice);
      expect(other).not.toBe(invoice);
      // Under k1 explicitly through a keyring whose primary is k2: the same as k1's; the primary's differs.
      expect(await blindSearchTokens(rotated, ["invoice"], "k1")).toEqual([invoice]);
      expect(await blindSearchTokens(rotated, ["invoice"])).not.toEqual([invoice]);
      // Its own derived key: not a prefix of the email blind index of the same bytes.
      const email = toHex(await blindIndex(keyring, "invoice@example.com"));
      const [asToken] = await blindSearchTokens(keyring, ["invoice@example.com"]);
      expect(email.slice(0, 16)).not.toBe(BigInt.asUintN(64, BigInt(asToken!)).toString(16).padStart(16, "0"));
      await expect(blindSearchTokens(keyring, ["x"], "nope")).rejects.toThrow(/not in the keyring/);
    });
  });
}
