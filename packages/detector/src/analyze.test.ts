import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeEmail, analyzeUrl, analyzeUrls, EmailParseError, MODEL_VERSIONS, UrlParseError } from "./index.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../fixtures", name));

describe("analyzeEmail", () => {
  it("calls a credential-phishing message phishing, with reasons that push toward phishing", async () => {
    const a = await analyzeEmail(fixture("phishing-paypal.eml"));
    expect(a.kind).toBe("email");
    expect(a.verdict).toBe("phishing");
    expect(a.score).toBe(Math.round(a.probability * 100));
    expect(a.model_version).toBe(MODEL_VERSIONS.email);
    expect(a.reasons.length).toBeGreaterThan(0);
    expect(a.reasons.length).toBeLessThanOrEqual(5);
    for (const r of a.reasons) {
      expect(r.contribution).toBeGreaterThan(0);
      expect(r.message.length).toBeGreaterThan(10);
    }
    const contributions = a.reasons.map((r) => r.contribution);
    expect(contributions).toEqual([...contributions].sort((x, y) => y - x));
    expect(a.subject).toBe("URGENT: Your account has been suspended - verify now");
    expect(a.headers?.from_domain).toBe("paypa1-support.top");
    expect(a.headers?.reply_to_aligned).toBe(false);
    expect(a.urls.map((u) => u.registrable_domain)).toContain("paypa1-secure-login.top");
  });

  it("calls an ordinary plain-text work email legitimate", async () => {
    const a = await analyzeEmail(fixture("legitimate-team.eml"));
    expect(a.verdict).toBe("legitimate");
    expect(a.probability).toBeLessThan(0.5);
    for (const r of a.reasons) expect(r.contribution).toBeLessThan(0);
    expect(a.urls).toEqual([]);
  });

  it("accepts a string as well as bytes, with the same result", async () => {
    const bytes = fixture("legitimate-team.eml");
    expect(await analyzeEmail(bytes.toString("latin1"))).toEqual(await analyzeEmail(new Uint8Array(bytes)));
  });

  it("refuses input that is not an email", async () => {
    await expect(analyzeEmail("")).rejects.toBeInstanceOf(EmailParseError);
    await expect(analyzeEmail(new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254]))).rejects.toBeInstanceOf(EmailParseError);
  });
});

describe("analyzeUrl(s)", () => {
  it("scores a phishing-shaped URL above an ordinary one", () => {
    const bad = analyzeUrl("http://paypa1-secure-login.top/signin/verify.php?email=someone@example.com&session=8f7a6d");
    const good = analyzeUrl("https://www.wikipedia.org/wiki/Phishing");
    expect(bad.probability).toBeGreaterThan(good.probability);
    expect(bad.verdict).not.toBe("legitimate");
    expect(good.verdict).toBe("legitimate");
    expect(good.urls[0]?.registrable_domain).toBe("wikipedia.org");
    expect(good.headers).toBeNull();
    expect(good.model_version).toBe(MODEL_VERSIONS.url);
  });

  it("gives the worst URL's verdict for a list and keeps every per-URL result in order", () => {
    const urls = ["https://www.wikipedia.org/wiki/Phishing", "http://paypa1-secure-login.top/signin/verify.php?email=someone@example.com"];
    const a = analyzeUrls(urls);
    expect(a.urls).toHaveLength(2);
    expect(a.urls[0]?.registrable_domain).toBe("wikipedia.org");
    expect(a.verdict).toBe(a.urls[1]!.verdict);
    expect(a.score).toBe(a.urls[1]!.score);
    // Per-URL reasons are computed for risky URLs only (TreeSHAP is the expensive step).
    expect(a.urls[0]!.reasons).toEqual([]);
    expect(a.urls[1]!.reasons.length).toBeGreaterThan(0);
    expect(a.urls[1]!.reasons[0]).toEqual(a.reasons[0]);
  });

  it("tells a brand's own sign-in page from addresses that only show the brand", () => {
    // The brand's own domain counts toward legitimate; a brand shown before "@" counts like a brand in the host.
    const verdicts = Object.fromEntries(
      ["https://accounts.google.com/signin", "https://www.paypal.com/signin", "https://www.bbc.co.uk/news",
        "http://paypal.com@evil.example/login", "http://xn--pypal-4ve.com/", "http://0x7f000001/login",
        "https://paypal.com.secure-login.xyz/"].map((u) => [u, analyzeUrl(u).verdict]),
    );
    expect(verdicts).toEqual({
      "https://accounts.google.com/signin": "legitimate",
      "https://www.paypal.com/signin": "legitimate",
      "https://www.bbc.co.uk/news": "legitimate",
      "http://paypal.com@evil.example/login": "phishing",
      "http://xn--pypal-4ve.com/": "phishing",
      "http://0x7f000001/login": "phishing",
      "https://paypal.com.secure-login.xyz/": "phishing",
    });
    const at = analyzeUrl("http://paypal.com@evil.example/login");
    expect(at.reasons[0]?.feature).toBe("url_brand_in_host");
    expect(at.reasons[0]?.message).toContain('before "@"');
  });

  it("throws UrlParseError for a URL that does not parse", () => {
    expect(() => analyzeUrl("http://")).toThrow(UrlParseError);
    expect(() => analyzeUrls([])).toThrow(RangeError);
  });
});
