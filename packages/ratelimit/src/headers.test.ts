import { describe, expect, it } from "vitest";
import { rateLimitHeaders } from "./headers.ts";

describe("rateLimitHeaders", () => {
  it("lists every window in the policy and reports the one closest to running out", () => {
    const headers = rateLimitHeaders([
      { window: "minute", limit: 60, remaining: 10, resetSeconds: 30 },
      { window: "hour", limit: 1000, remaining: 5, resetSeconds: 1200 },
      { window: "day", limit: 10000, remaining: 9000, resetSeconds: 50000 },
    ]);
    expect(headers["ratelimit-policy"]).toBe('"minute";q=60;w=60, "hour";q=1000;w=3600, "day";q=10000;w=86400');
    expect(headers.ratelimit).toBe('"hour";r=5;t=1200');
  });
});
