import { describe, expect, it } from "vitest";
import { urlFeatures, URL_FEATURE_NAMES, UrlParseError } from "./features.ts";

function v(url: string, name: (typeof URL_FEATURE_NAMES)[number]): number | null {
  return urlFeatures(url).values[URL_FEATURE_NAMES.indexOf(name)] ?? null;
}

describe("urlFeatures: IDN and look-alikes", () => {
  it("gives the same registrable domain and look-alike flag for a host in Unicode and in punycode", () => {
    const unicode = urlFeatures("https://раураl.com/signin"); // Cyrillic а/р/у
    const puny = urlFeatures("https://xn--l-7sba6dbr.com/signin");
    expect(unicode.registrable_domain).toBe("xn--l-7sba6dbr.com");
    expect(puny.registrable_domain).toBe(unicode.registrable_domain);
    expect(puny.host).toBe(unicode.host);
    expect(unicode.values).toEqual(puny.values);
    expect(v("https://раураl.com/", "url_brand_lookalike")).toBe(1);
    expect(v("https://xn--l-7sba6dbr.com/", "url_brand_lookalike")).toBe(1);
    expect(unicode.evidence.url_brand_lookalike).toContain("PayPal");
  });
  it("flags a single Cyrillic letter inside a Latin brand (mixed script)", () => {
    const f = urlFeatures("https://xn--pypal-4ve.com/");
    expect(f.values[URL_FEATURE_NAMES.indexOf("url_mixed_script_host")]).toBe(1);
    expect(f.values[URL_FEATURE_NAMES.indexOf("url_brand_lookalike")]).toBe(1);
    expect(f.values[URL_FEATURE_NAMES.indexOf("url_is_idn")]).toBe(1);
  });
  it("flags digit swaps and one-letter typos of brands", () => {
    expect(v("paypa1-secure.top/verify", "url_brand_lookalike")).toBe(1);
    expect(v("https://micros0ft-support.com/", "url_brand_lookalike")).toBe(1);
    expect(v("https://amazzon.co/", "url_brand_lookalike")).toBe(1);
    expect(v("https://micorsoft-login.example/", "url_brand_lookalike")).toBe(1);
    expect(v("https://ledgerr-live.pages.dev/", "url_brand_lookalike")).toBe(1);
    expect(v("https://grand-ledge.com/", "url_brand_lookalike")).toBe(0);
  });
  it("does not flag the brand's own domains or unrelated words", () => {
    expect(v("https://www.paypal.com/signin", "url_brand_lookalike")).toBe(0);
    expect(v("https://paypal.com/", "url_brand_in_host")).toBe(0);
    expect(v("https://www.amazon.co.uk/gp/css", "url_brand_lookalike")).toBe(0);
    expect(v("https://example.org/", "url_brand_lookalike")).toBe(0);
    expect(v("https://news.ycombinator.com/", "url_brand_in_host")).toBe(0);
    // real sites that are one letter away from a brand, and brands' country domains
    expect(v("https://netflex.nl/", "url_brand_lookalike")).toBe(0);
    expect(v("https://finance.yahoo.com/", "url_brand_lookalike")).toBe(0);
    expect(v("https://cloud.google.com/", "url_brand_lookalike")).toBe(0);
    expect(v("https://www.google.be/", "url_brand_in_host")).toBe(0);
    expect(v("https://www.hsbc.com.hk/", "url_brand_in_host")).toBe(0);
    // ...but the brand's name under a suffix it does not own is not the brand
    expect(v("https://roblox.com.py/", "url_brand_in_host")).toBe(1);
  });
  it("flags a brand name used in somebody else's host and path", () => {
    expect(v("https://paypal.com.account-check.example/", "url_brand_in_host")).toBe(1);
    expect(v("https://secure-login.example/paypal/signin", "url_brand_in_path")).toBe(1);
    expect(v("https://www.paypal.com/paypal/signin", "url_brand_in_path")).toBe(0);
  });
});

describe("urlFeatures: authority tricks", () => {
  it("flags userinfo hiding the real host", () => {
    const f = urlFeatures("https://www.paypal.com@evil.example/login");
    expect(f.host).toBe("evil.example");
    expect(f.values[URL_FEATURE_NAMES.indexOf("url_has_userinfo")]).toBe(1);
    expect(f.evidence.url_has_userinfo).toContain("www.paypal.com");
  });
  it("flags a non-standard port but not an explicit default one", () => {
    expect(v("http://example.com:8080/", "url_nonstandard_port")).toBe(1);
    expect(v("https://example.com:443/", "url_nonstandard_port")).toBe(0);
  });
  it("flags shorteners and free hosting", () => {
    expect(v("https://bit.ly/3xYz", "url_is_shortener")).toBe(1);
    expect(v("https://secure-update.pages.dev/", "url_is_free_hosting")).toBe(1);
    expect(v("https://login-portal.vercel.app/", "url_is_free_hosting")).toBe(1);
    expect(v("https://someone.github.io/", "url_private_suffix")).toBe(1);
    expect(v("https://example.com/", "url_is_free_hosting")).toBe(0);
  });
});

describe("urlFeatures: backslashes read as a browser reads them", () => {
  it("takes backslashes after http: or https: for the slashes a browser sees (WHATWG URL)", () => {
    const f = urlFeatures("http:\\\\evil.com\\login");
    expect(f.url).toBe("http://evil.com/login");
    expect(f.host).toBe("evil.com");
    expect(f.registrable_domain).toBe("evil.com");
    expect(f.values).toEqual(urlFeatures("http://evil.com/login").values);
    expect(urlFeatures("HTTPS:/\\Evil.com\\a\\b").url).toBe("https://evil.com/a/b");
  });
});

describe("urlFeatures: corpus artefacts are not features", () => {
  it("gives identical values whatever the scheme or a leading www.", () => {
    const base = urlFeatures("https://www.example.com/a/b").values;
    expect(urlFeatures("http://example.com/a/b").values).toEqual(base);
    expect(urlFeatures("example.com/a/b").values).toEqual(base);
    expect(urlFeatures("WWW.Example.COM/a/b").values).toEqual(base);
  });
  it("unescapes &amp; from HTML-escaped feeds", () => {
    expect(urlFeatures("http://example.com/p?a=1&amp;b=2").url).toBe("http://example.com/p?a=1&b=2");
  });
});

describe("urlFeatures: path and query shape", () => {
  it("measures path, query, encodings and tokens", () => {
    const f = urlFeatures("https://example.com/account/verify//next?url=https%3A%2F%2Fx.example&u=a%40b.example");
    const get = (n: (typeof URL_FEATURE_NAMES)[number]) => f.values[URL_FEATURE_NAMES.indexOf(n)];
    expect(get("url_path_depth")).toBe(3);
    expect(get("url_encoded_chars")).toBe(4);
    expect(get("url_double_slash_in_path")).toBe(1);
    expect(get("url_redirect_param")).toBe(1);
    expect(get("url_email_in_url")).toBe(1);
    expect(get("url_suspicious_tokens")).toBe(2);
  });
  it("counts the bare root as a zero-length path", () => {
    expect(v("https://example.com/", "url_path_length")).toBe(0);
    expect(v("https://example.com", "url_path_depth")).toBe(0);
  });
  it("flags a risky download", () => {
    expect(v("https://cdn.example.com/files/Invoice.pdf.exe", "url_risky_file_extension")).toBe(1);
    expect(v("https://cdn.example.com/files/report.pdf", "url_risky_file_extension")).toBe(0);
  });
  it("measures subdomain depth without www", () => {
    expect(v("https://www.example.com/", "url_subdomain_depth")).toBe(0);
    expect(v("https://a.b.c.example.co.uk/", "url_subdomain_depth")).toBe(3);
  });
  it("computes host shape on the displayed host", () => {
    expect(v("https://ab-cd.example/", "url_host_hyphens")).toBe(1);
    expect(v("https://xn--l-7sba6dbr.com/", "url_host_hyphens")).toBe(0);
    expect(v("https://раураl.com/", "url_host_length")).toBe(10);
  });
});

describe("urlFeatures: script links and errors", () => {
  it("accepts javascript: and data: links with only the script flag set", () => {
    for (const u of ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", " JavaScript:void(0)"]) {
      const f = urlFeatures(u);
      expect(f.values[URL_FEATURE_NAMES.indexOf("url_script_scheme")]).toBe(1);
      expect(f.values.filter((x) => x !== null)).toEqual([1]);
      expect(f.host).toBe("");
      expect(f.registrable_domain).toBeNull();
    }
  });
  it("throws UrlParseError for input that is not a web address", () => {
    for (const bad of ["", "   ", "http://", "mailto:someone@example.com", "http://exa mple.com/", "http://999.1.1.1/", "x".repeat(9000)]) {
      expect(() => urlFeatures(bad), bad.slice(0, 20)).toThrow(UrlParseError);
    }
  });
});

describe("urlFeatures: hostile input", () => {
  it("refuses a host longer than DNS allows and survives long paths", () => {
    expect(() => urlFeatures(`http://${"a".repeat(300)}.example/`)).toThrow(UrlParseError);
    const f = urlFeatures(`http://x.example/${"a-".repeat(3000)}`);
    expect(f.host).toBe("x.example");
  });
});

describe("urlFeatures: brand words inside ordinary words", () => {
  it("does not read a brand out of a longer everyday word", () => {
    expect(v("https://outlookindia.com/", "url_brand_in_host")).toBe(0);
    expect(v("https://shop.example/purchase/history", "url_brand_in_path")).toBe(0);
    expect(v("https://pineapple-recipes.example/", "url_brand_in_host")).toBe(0);
    expect(v("https://paypalsecure.example/", "url_brand_in_host")).toBe(1);
  });
});

describe("urlFeatures: evidence wording", () => {
  it("names the platform once when the host is the free-hosting domain itself", () => {
    expect(urlFeatures("https://storage.googleapis.com/ahouf/page.html").evidence.url_is_free_hosting).toBe("the page is on storage.googleapis.com, where anyone can publish for free");
    expect(urlFeatures("https://chijioke-nwabasili.github.io/linkedin-login-page/").evidence.url_is_free_hosting)
      .toBe("the site chijioke-nwabasili.github.io is hosted on github.io, where anyone can publish a page for free");
  });
  it("starts host sentences with words, so capitalising a sentence never changes a domain", () => {
    const f = urlFeatures("http://metamasksigins.blogspot.jp/");
    expect(f.evidence.url_brand_in_host).toBe("the address metamasksigins.blogspot.jp names MetaMask but does not belong to MetaMask");
    expect(urlFeatures("http://xn--pypal-4ve.com/").evidence.url_brand_lookalike).toMatch(/^the domain pаypal\.com imitates PayPal/);
    expect(urlFeatures("https://bit.ly/3xYz").evidence.url_is_shortener).toBe("the link goes through bit.ly, a link shortener that hides the destination");
  });
  it("names the subdomains in front of the registrable domain", () => {
    expect(urlFeatures("https://accounts.google.com/signin").evidence.url_subdomain_depth).toBe('"accounts" in front of google.com');
    expect(urlFeatures("https://www.google.com/").evidence.url_subdomain_depth).toBeUndefined();
  });
});

describe("urlFeatures: evidence for brands and downloads", () => {
  it("says a brand's name does not belong to it without a wrong article", () => {
    expect(urlFeatures("https://amazon-prime-renew.example/").evidence.url_brand_in_host).toBe("the address amazon-prime-renew.example names Amazon but does not belong to Amazon");
  });
  it("shows the file name, so a path ending in a domain is not called a download", () => {
    expect(urlFeatures("http://evil.example/signin/paypal.com").evidence.url_risky_file_extension).toBe('the link ends in a .com file name ("paypal.com"), a type that runs as a program');
    expect(urlFeatures("https://cdn.example.com/files/jane.doe@corp.example.exe").evidence.url_risky_file_extension).toBe("the link ends in a .exe file name, a type that runs as a program");
    expect(urlFeatures("https://cdn.example.com/files/Invoice%20May.zip").evidence.url_risky_file_extension).toBe('the link ends in a .zip file name ("Invoice May.zip"), an archive or disk image, which can hide other files');
  });
});

describe("urlFeatures: abused TLDs, path randomness, where the brand sits", () => {
  it("flags a TLD on the curated high-abuse list, by its last label only", () => {
    expect(v("https://paypa1-secure.top/", "url_tld_risk")).toBe(1);
    expect(v("https://shop.example.cfd/x", "url_tld_risk")).toBe(1);
    expect(v("https://www.example.com/", "url_tld_risk")).toBe(0);
    expect(v("https://www.bbc.co.uk/news", "url_tld_risk")).toBe(0);
    expect(v("http://0x7f000001/login", "url_tld_risk")).toBe(0);
  });
  it("measures machine-made path tokens, path digits and path token entropy", () => {
    const f = urlFeatures("https://x.example/a8Fk2x9Q/3f9c2e17b0d4/index.html?id=ZZ99aa77bb");
    const get = (n: (typeof URL_FEATURE_NAMES)[number]) => f.values[URL_FEATURE_NAMES.indexOf(n)];
    expect(get("url_path_random_token")).toBe(12); // the query is not looked at
    expect(get("url_path_digit_ratio")).toBe(Math.round(((3 + 7) / (8 + 12 + 5 + 4)) * 1000) / 1000);
    expect(get("url_path_token_entropy")).toBe(3.585); // "3f9c2e17b0d4": 12 distinct characters, log2(12)
    // words, dates and pure numbers are not random tokens
    expect(v("https://www.nytimes.com/2016/05/01/world/europe/some-story.html", "url_path_random_token")).toBe(0);
    expect(v("https://news.example/item/12345678", "url_path_random_token")).toBe(0);
    expect(v("https://example.com/", "url_path_digit_ratio")).toBe(0);
    expect(v("https://example.com/", "url_path_token_entropy")).toBe(0);
  });
  it("flags a brand shown in front of somebody else's domain, in a subdomain or before '@'", () => {
    expect(v("https://paypal.com.secure-login.xyz/", "url_brand_in_subdomain")).toBe(1);
    expect(v("https://login-paypal.evil.example/", "url_brand_in_subdomain")).toBe(1);
    expect(v("https://paypal-login.example/", "url_brand_in_subdomain")).toBe(0); // in the domain itself: url_brand_in_host
    expect(v("https://paypal-login.example/", "url_brand_in_host")).toBe(1);
    expect(v("https://www.paypal.com/", "url_brand_in_subdomain")).toBe(0);
    const f = urlFeatures("http://paypal.com@evil.example/login");
    expect(f.values[URL_FEATURE_NAMES.indexOf("url_brand_in_subdomain")]).toBe(1);
    expect(f.values[URL_FEATURE_NAMES.indexOf("url_brand_in_host")]).toBe(1);
    expect(f.evidence.url_brand_in_host).toContain('before "@"');
    expect(v("https://user@example.com/", "url_brand_in_host")).toBe(0);
  });
  it("recognises a brand's own site, but not its file shares, hosting, shorteners or redirects", () => {
    expect(v("https://accounts.google.com/signin", "url_brand_is_registrable_domain")).toBe(1);
    expect(v("https://www.paypal.com/signin", "url_brand_is_registrable_domain")).toBe(1);
    expect(v("https://www.amazon.co.uk/gp/css", "url_brand_is_registrable_domain")).toBe(1);
    expect(v("https://paypal.com.secure-login.xyz/", "url_brand_is_registrable_domain")).toBe(0);
    expect(v("https://roblox.com.py/", "url_brand_is_registrable_domain")).toBe(0);
    expect(v("https://docs.google.com/forms/d/e/x/viewform", "url_brand_is_registrable_domain")).toBe(0);
    expect(v("https://someone-my.sharepoint.com/:b:/g/personal/x", "url_brand_is_registrable_domain")).toBe(0);
    expect(v("https://drive.google.com/file/d/abc/view", "url_brand_is_registrable_domain")).toBe(0);
    expect(v("https://goo.gl/abc", "url_brand_is_registrable_domain")).toBe(0);
    expect(v("https://www.google.com/url?q=https://evil.example/", "url_brand_is_registrable_domain")).toBe(0);
  });
});
