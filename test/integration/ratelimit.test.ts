// Tier limits through @upstash/ratelimit against the real Redis (via the Upstash REST adapter).
import { describe, expect, it } from "vitest";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis/cloudflare";
import { call, createKey, expectProblem, postJson, reportCount, testEnv } from "../support/harness.ts";

const body = { url: "https://example.org/" };

describe("rate limits", () => {
  it("sends the IETF RateLimit fields on every answer", async () => {
    const { key } = await createKey({ tier: "pro" });
    const res = await postJson("/v1/analyze/url", key, body);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-policy")).toBe('"minute";q=300;w=60, "hour";q=10000;w=3600, "day";q=100000;w=86400');
    expect(res.headers.get("ratelimit")).toMatch(/^"minute";r=299;t=\d+$/);
  });

  it("sends them on 400, 415 and 422 answers after the limiter spent a token", async () => {
    const { key } = await createKey({ tier: "pro" });
    const json = { "content-type": "application/json" };
    const answers: [number, Response][] = [
      [400, await call("/v1/analyze/url", { method: "POST", key, headers: json, body: "{url:" })],
      [415, await call("/v1/analyze/url", { method: "POST", key, body: new TextEncoder().encode(JSON.stringify(body)) })],
      [422, await call("/v1/analyze/url", { method: "POST", key, headers: json, body: JSON.stringify({ url: "javascript:alert(1)" }) })],
    ];
    let remaining = 300;
    for (const [status, res] of answers) {
      await expectProblem(res, status);
      expect(res.headers.get("ratelimit-policy"), String(status)).toBe('"minute";q=300;w=60, "hour";q=10000;w=3600, "day";q=100000;w=86400');
      expect(res.headers.get("ratelimit"), String(status)).toMatch(new RegExp(`^"minute";r=${--remaining};t=\\d+$`));
    }
  });

  it("refuses a free key's 61st request in a minute with 429 and Retry-After", async () => {
    const created = await createKey({ tier: "free" });
    for (let i = 0; i < 60; i++) {
      const res = await postJson("/v1/analyze/url", created.key, body);
      expect(res.status, `request ${i + 1}`).toBe(200);
    }
    const refused = await postJson("/v1/analyze/url", created.key, body);
    const retryAfter = Number(refused.headers.get("retry-after"));
    const problem = await expectProblem(refused, 429);
    expect(problem.title).toBe("Rate limit exceeded");
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit")).toMatch(/^"minute";r=0;t=\d+$/);
    expect(await reportCount(created.account_id)).toBe(60);
  });

  it("admits exactly 60 of 200 concurrent requests on a free key, and refunds the other windows", async () => {
    const created = await createKey({ tier: "free" });
    const responses = await Promise.all(Array.from({ length: 200 }, () => postJson("/v1/analyze/url", created.key, body)));
    const statuses = responses.map((r) => r.status);
    await Promise.all(responses.map((r) => r.body?.cancel()));
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(140);
    expect(await reportCount(created.account_id)).toBe(60);
    // The 140 refused requests gave back what they took from the hour and day windows.
    const redis = new Redis({ url: testEnv.UPSTASH_REDIS_REST_URL, token: testEnv.UPSTASH_REDIS_REST_TOKEN });
    const hour = new Ratelimit({ redis, limiter: Ratelimit.tokenBucket(1000, "3600 s", 1000), prefix: "traceo:rl:hour:1000" });
    expect((await hour.getRemaining(created.id)).remaining).toBe(940);
  });
});
