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
    // Red flags (see red-flags.ts) come first whatever the model gave them; then the model's reasons.
    const isFlag = (r: { message: string }) => r.message.endsWith("so the message is at least suspicious whatever its score.");
    const flags = a.reasons.filter(isFlag);
    expect(a.reasons.slice(0, flags.length)).toEqual(flags);
    const modelReasons = a.reasons.filter((r) => !isFlag(r));
    for (const r of modelReasons) {
      expect(r.contribution).toBeGreaterThan(0);
      expect(r.message.length).toBeGreaterThan(10);
    }
    const contributions = modelReasons.map((r) => r.contribution);
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

  it("gives every URL of a list scored suspicious or phishing its own top reasons, however many there are", () => {
    const urls = Array.from({ length: 12 }, (_, i) => `http://paypa1-secure-login${i}.top/signin/verify.php?email=someone@example.com`);
    urls.push("https://www.wikipedia.org/wiki/Phishing");
    const a = analyzeUrls(urls);
    const flagged = a.urls.filter((u) => u.verdict !== "legitimate");
    expect(flagged).toHaveLength(12);
    for (const u of flagged) {
      expect(u.reasons.length, u.url).toBeGreaterThan(0);
      expect(u.reasons.length).toBeLessThanOrEqual(3);
      for (const r of u.reasons) expect(r.contribution).toBeGreaterThan(0);
    }
    expect(a.urls[12]!.reasons).toEqual([]);
  });

  it("throws UrlParseError for a URL that does not parse", () => {
    expect(() => analyzeUrl("http://")).toThrow(UrlParseError);
    expect(() => analyzeUrls([])).toThrow(RangeError);
  });
});

describe("reason sentences read true", () => {
  const handPicked = [
    "https://accounts.google.com/signin",
    "http://paypal.com@evil.example/login",
    "http://xn--pypal-4ve.com/",
    "https://www.bbc.co.uk/news",
    "https://click.example-mail.com/track?utm_source=newsletter&utm_medium=email&utm_campaign=dec2026&uid=8f7a6b5c4d3e2f1a&redirect=https%3A%2F%2Fshop.example.com%2Fsale",
    "https://chijioke-nwabasili.github.io/linkedin-login-page/",
    "http://metamasksigins.blogspot.jp/",
    "http://0x7f000001/login",
    "http://3232235777/",
  ];

  it("never calls a value long, deep or many when it is within or below the usual range", () => {
    const usual: Record<string, [number, number]> = { url_host_length: [9, 21], url_domain_label_length: [5, 16], url_path_length: [0, 52], url_path_depth: [0, 3] };
    for (const url of handPicked) {
      for (const r of analyzeUrl(url).reasons) {
        const range = usual[r.feature];
        if (range && /unusually (long|deep)/.test(r.message)) expect(r.value!, `${url}: ${r.message}`).toBeGreaterThan(range[1]);
        if (range && /unusually (short|shallow)/.test(r.message)) expect(r.value!, `${url}: ${r.message}`).toBeLessThan(range[0]);
        expect(r.message, url).not.toMatch(/Missing .* information|\(1\)|level\(s\)/);
      }
    }
  });

  it("says a bare-domain link has no path instead of a long one", () => {
    const r = analyzeUrl("http://xn--pypal-4ve.com/").reasons.find((x) => x.feature === "url_path_length");
    expect(r?.value).toBe(0);
    expect(r?.message).toBe("The link has no path (it opens the site's front page), which here raised the score.");
  });

  it("explains a hex or integer IP host as an IP address, as written and in dotted form", () => {
    const hex = analyzeUrl("http://0x7f000001/login");
    expect(hex.reasons[0]!.message).toBe("The link points to a bare IP address (written 0x7f000001, which is 127.0.0.1) instead of a domain name.");
    expect(hex.reasons.filter((r) => r.message.includes("0x7f000001"))).toHaveLength(1);
    const int = analyzeUrl("http://3232235777/");
    expect(int.reasons[0]!.message).toBe("The link points to a bare IP address (written 3232235777, which is 192.168.1.1) instead of a domain name.");
  });

  it("names the subdomains and the real domain when they raised the score", () => {
    const r = analyzeUrl("https://accounts.google.com.evil-login.top/signin").reasons.find((x) => x.feature === "url_subdomain_depth");
    expect(r?.message).toBe('The address stacks 3 subdomain levels ("accounts.google.com" in front of evil-login.top).');
  });

  it("says a brand's own site lowered the score, as the reason it is not an imitation", () => {
    const a = analyzeUrl("https://accounts.google.com/signin");
    expect(a.verdict).toBe("legitimate");
    expect(a.reasons[0]).toMatchObject({ feature: "url_brand_is_registrable_domain", value: 1 });
    expect(a.reasons[0]!.message).toBe("The address is on google.com, Google's own domain, which lowered the score.");
  });

  it("reports values as the feature module computed them, not float32 noise", async () => {
    const a = await analyzeEmail(readFileSync(join(import.meta.dirname, "../../../test/fixtures/emails/phishing-verify-account.eml")));
    const density = a.reasons.find((r) => r.feature === "email_link_density");
    expect(density?.value).toBe(2.73);
    expect(density?.message).toBe("The share of links in the text (2.73 links per 100 words) raised the score.");
    expect(a.reasons.find((r) => r.feature === "email_generic_greeting")?.message).toBe('The message opens with a generic greeting ("dear customer").');
  });

  it("says a javascript: URL given straight to the detector is one, once, instead of listing missing values", () => {
    const a = analyzeUrl("javascript:alert(1)");
    expect(a.reasons[0]!.message).toBe("This is a javascript: URL: it runs code instead of opening a page.");
    for (const r of a.reasons.slice(1)) expect(r.message).toMatch(/^A script link has no web address to check for /);
  });
});
