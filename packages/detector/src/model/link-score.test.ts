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
    const link = { url: "http://login-verify.example.top/", margin: 2.5, score: 93, verdict: "phishing" as const };
    expect(describeLinkScore(link, 0.8)).toBe("The link http://login-verify.example.top/ looks like a phishing address (URL model score 93/100).");
    expect(describeLinkScore({ ...link, score: 80, verdict: "suspicious" }, 0.8)).toBe("The link http://login-verify.example.top/ looks suspicious (URL model score 80/100).");
    expect(describeLinkScore({ url: "https://a.example/", margin: -3, score: 2, verdict: "legitimate" }, -0.2)).toBe("Its links look ordinary: the riskiest, https://a.example/, scores 2/100 on the URL model.");
    expect(describeLinkScore(null, -0.1)).toBe("The message has no web links to check.");
    expect(describeLinkScore(null, 0.3)).toBe("The message has no web links to check, which here raised the score.");
  });

  it("does not call a link the URL model finds legitimate a phishing address", () => {
    const link = { url: "https://scnv.io/i5iT", margin: 0.1, score: 41, verdict: "legitimate" as const };
    expect(describeLinkScore(link, 0.5)).toBe("The riskiest link, https://scnv.io/i5iT, is not flagged on its own (URL model score 41/100) but raised the score.");
    expect(describeLinkScore({ ...link, score: 95, verdict: "phishing" }, -0.2)).toBe("The riskiest link, https://scnv.io/i5iT, scores 95/100 on the URL model, yet here the links lowered the score.");
  });
});
