// The same hard cases inside workerd: URL parsing, punycode and Unicode normalisation must behave
// there exactly as in Node, because the worker computes the features the model was trained on.
import { describe, expect, it } from "vitest";
import { normalizeIpHost, urlFeatures, URL_FEATURE_NAMES } from "./index.ts";

const get = (url: string, name: (typeof URL_FEATURE_NAMES)[number]) => urlFeatures(url).values[URL_FEATURE_NAMES.indexOf(name)];

describe("URL features in workerd", () => {
  it("normalises hex, octal, integer and short IPv4 hosts", () => {
    expect(["0x7f.1", "0177.0.0.1", "2130706433", "127.1"].map(normalizeIpHost)).toEqual(Array(4).fill("127.0.0.1"));
  });
  it("gives Unicode and punycode hosts the same registrable domain and look-alike flag", () => {
    const a = urlFeatures("https://раураl.com/");
    const b = urlFeatures("https://xn--l-7sba6dbr.com/");
    expect(a.registrable_domain).toBe("xn--l-7sba6dbr.com");
    expect(b.values).toEqual(a.values);
    expect(get("https://раураl.com/", "url_brand_lookalike")).toBe(1);
  });
  it("computes identical values to Node for a sample URL", () => {
    // Values asserted literally so a runtime difference (Intl, URL parser) shows up as a failure.
    const f = urlFeatures("http://paypa1-secure.top/account/verify?email=a%40b.example");
    expect(f.values).toEqual([17, 3.572, 1 / 17, 1, 0, 13, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 15, 2, 1, 0, 0, 0, 1, 3, 0, 0, 1, 0, 0, 0, 0, 0]);
  });
});
