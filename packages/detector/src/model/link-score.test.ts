import { describe, expect, it } from "vitest";
import { describeLinkScore, riskiestLink } from "./link-score.ts";

describe("riskiestLink", () => {
  it("picks the link with the highest URL-model margin, or null without links", () => {
    const links = [
      { url: "https://a.example/", margin: -3, score: 2 },
      { url: "http://login-verify.example.top/", margin: 2.5, score: 93 },
      { url: "https://b.example/", margin: 0.1, score: 40 },
    ];
    expect(riskiestLink(links)?.url).toBe("http://login-verify.example.top/");
    expect(riskiestLink([])).toBeNull();
  });

  it("names the link in the sentence, in the direction of the contribution", () => {
    const link = { url: "http://login-verify.example.top/", margin: 2.5, score: 93 };
    expect(describeLinkScore(link, 0.8)).toBe("The link http://login-verify.example.top/ looks like a phishing address (URL model score 93/100).");
    expect(describeLinkScore(link, -0.2)).toContain("look ordinary");
    expect(describeLinkScore(null, -0.1)).toBe("The message has no links to check.");
  });
});
