import { describe, expect, it } from "vitest";
import { buildSnippet, parseSearchQuery, searchTokens, stemPlural } from "./search-text.ts";

describe("searchTokens", () => {
  it("folds case, compatibility forms and accents, and drops stop words and one-letter words", () => {
    expect(searchTokens("The Café in ＰａｙＰａｌ's Résumé — a b 7")).toEqual(["cafe", "paypal's", "paypal", "resume", "7"]);
  });

  it("indexes compounds whole and by part, so a label finds a host and an address", () => {
    expect(searchTokens("Visit paypal-login.help or mail support@paypa1.com")).toEqual([
      "visit", "paypal-login.help", "paypal", "login", "help", "mail", "support@paypa1.com", "support", "paypa1", "com",
    ]);
  });

  it("folds English plurals lightly (Harman's S stemmer) and keeps compounds as written", () => {
    expect(["invoices", "policies", "boxes", "access", "status", "news", "shoes", "is"].map(stemPlural)).toEqual(["invoice", "policy", "boxe", "access", "status", "new", "shoe", "is"]);
    expect(searchTokens("invoices Invoice INVOICES")).toEqual(["invoice"]);
  });

  it("returns distinct tokens, a bounded prefix when asked, and nothing for empty or symbol-only text", () => {
    expect(searchTokens("one two one three", 2)).toEqual(["one", "two"]);
    expect(searchTokens("x".repeat(100))).toEqual(["x".repeat(64)]);
    for (const empty of [null, "", "  ", "&|!()<->", "the and of"]) expect(searchTokens(empty)).toEqual([]);
  });
});

describe("parseSearchQuery", () => {
  it("reads words, phrases as all their words, negation and or", () => {
    expect(parseSearchQuery('paypal "payment of 300" -invoice -"wire transfer"')).toEqual({
      groups: [{ all: ["paypal", "payment", "300"], none: [["invoice"], ["wire", "transfer"]] }],
      terms: ["paypal", "payment", "300"],
    });
    expect(parseSearchQuery("gardening or parcels OR")).toEqual({ groups: [{ all: ["gardening"], none: [] }, { all: ["parcel"], none: [] }], terms: ["gardening", "parcel"] });
    expect(parseSearchQuery("-paypal")).toEqual({ groups: [{ all: [], none: [["paypal"]] }], terms: [] });
  });

  it("parses any text; operators and stop words alone give no group (nothing matches)", () => {
    for (const q of ['"', "((((", "a & | ! b", "-", "- -", "<->", "the and of a", "or or", "😀", "", "\\\\'"]) expect(parseSearchQuery(q).groups, q).toEqual([]);
    expect(parseSearchQuery("foo:* a:B").groups).toEqual([{ all: ["foo"], none: [] }]);
    expect(parseSearchQuery("x".repeat(10_000)).terms).toEqual(["x".repeat(64)]);
  });
});

describe("buildSnippet", () => {
  it("marks matching words in place, keeping punctuation outside the marks", () => {
    expect(buildSnippet("Invoice 4471 — Your PayPal payment, pending.", ["paypal", "pending"])).toBe("Invoice 4471 — Your «PayPal» payment, «pending».");
    expect(buildSnippet("Open paypal-login.help now", ["paypal"])).toBe("Open «paypal-login.help» now");
  });

  it("shows up to two fragments around matches, or the start without any", () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[20] = "needle";
    words[150] = "Needles";
    const snippet = buildSnippet(words.join(" "), ["needle"])!;
    expect(snippet.split(" … ")).toHaveLength(2);
    expect(snippet).toMatch(/^w12 .* «needle» .* w41 … w142 .* «Needles» .* w171$/);
    expect(buildSnippet("alpha beta", ["zeta"])).toBe("alpha beta");
    expect(buildSnippet("   ", ["x"])).toBeNull();
  });
});
