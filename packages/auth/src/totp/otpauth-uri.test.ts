import { describe, expect, it } from "vitest";
import { buildOtpauthUri, parseOtpauthUri } from "./otpauth-uri.ts";

const secret = Uint8Array.from({ length: 20 }, (_, i) => i * 13);

describe("otpauth URIs (Google Key URI format)", () => {
  it("writes label ISSUER:ACCOUNT, the issuer parameter and the unpadded base32 secret", () => {
    const uri = buildOtpauthUri({ issuer: "Traceo", account: "alice", secret });
    expect(uri).toBe("otpauth://totp/Traceo:alice?secret=AAGRUJZUIFHFW2DVQKHZZKNWYPIN32XX&issuer=Traceo&algorithm=SHA1&digits=6&period=30");
  });

  const awkward = [
    ["Traceo", "ann smith"],
    ["Acme & Sons", "a+b@example.com"],
    ["R/D 100%", "x/y%z"],
    ["Zürich Bank", "Jürgen Ødegård"],
    ["東京", "ユーザー"],
    ["Issuer:With:Colons", "acct:with:colon"],
    ["plus+plus", "  spaced  out  "],
    ["quote's (paren)!*", "tab\tname"],
  ];

  it.each(awkward)("round-trips issuer %j and account %j", (issuer, account) => {
    const uri = buildOtpauthUri({ issuer, account, secret });
    expect(uri).toMatch(/^otpauth:\/\/totp\/[A-Za-z0-9%._~-]+:[A-Za-z0-9%._~-]+\?secret=/);
    const parsed = parseOtpauthUri(uri);
    expect(parsed.issuer).toBe(issuer);
    expect(parsed.account).toBe(account);
    expect(parsed.secret).toEqual(secret);
    // The standard URL parser agrees on the issuer parameter too.
    expect(new URL(uri).searchParams.get("issuer")).toBe(issuer);
  });

  it("refuses empty names", () => {
    expect(() => buildOtpauthUri({ issuer: "", account: "a", secret })).toThrow(TypeError);
    expect(() => buildOtpauthUri({ issuer: "T", account: "", secret })).toThrow(TypeError);
  });
});
