import { describe, expect, it } from "vitest";
import { decodePunycodeLabel, hostToUnicode } from "./punycode.ts";
import { isTypoVariant, skeleton } from "./confusables.ts";

describe("punycode decoding", () => {
  it("decodes RFC 3492 sample labels", () => {
    expect(decodePunycodeLabel("bcher-kva")).toBe("bücher");
    expect(decodePunycodeLabel("mnchen-3ya")).toBe("münchen");
    expect(decodePunycodeLabel("80ak6aa92e")).toBe("аррӏе");
  });
  it("decodes every xn-- label of a host and keeps others", () => {
    expect(hostToUnicode("www.xn--bcher-kva.example")).toBe("www.bücher.example");
    expect(hostToUnicode("plain.example")).toBe("plain.example");
  });
  it("returns null for malformed input instead of throwing", () => {
    expect(decodePunycodeLabel("!!!")).toBeNull();
    expect(hostToUnicode("xn--!!!.com")).toBe("xn--!!!.com");
  });
});

describe("confusable skeleton", () => {
  it("maps Cyrillic, Greek and digit look-alikes onto Latin", () => {
    expect(skeleton("раураl")).toBe(skeleton("paypal"));
    expect(skeleton("аррӏе")).toBe(skeleton("apple"));
    expect(skeleton("g00gle")).toBe(skeleton("google"));
    expect(skeleton("rnicrosoft")).toBe(skeleton("microsoft"));
  });
  it("recognises swapped and doubled letters but not arbitrary substitutions", () => {
    expect(isTypoVariant("micorsoft", "microsoft")).toBe(true);
    expect(isTypoVariant("paypall", "paypal")).toBe(true);
    expect(isTypoVariant("gogle", "google")).toBe(true);
    expect(isTypoVariant("netflex", "netflix")).toBe(false);
    expect(isTypoVariant("finance", "binance")).toBe(false);
    expect(isTypoVariant("cloud", "icloud")).toBe(false);
    expect(isTypoVariant("outook", "outlook")).toBe(true);
    expect(isTypoVariant("citicbank", "citibank")).toBe(false);
    expect(isTypoVariant("paypal", "paypal")).toBe(false);
  });
});
