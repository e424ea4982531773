// Who may call the analysis API: missing, malformed, unknown, revoked, expired and out-of-scope keys.
import { describe, expect, it } from "vitest";
import app from "../../functions/analyze/src/index.ts";
import { forgetKeys } from "@traceo/gateway";
import { hashApiKey, generateApiKey } from "@traceo/api-keys";
import { revokeApiKey } from "@traceo/db";
import { Redis } from "@upstash/redis/cloudflare";
import { BASE, call, createKey, expectProblem, postJson, reportCount, testEnv, withDb } from "../support/harness.ts";

const URL_BODY = { url: "https://example.org/" };

describe("API key authentication", () => {
  it("refuses a request without a key", async () => {
    const problem = await expectProblem(await postJson("/v1/analyze/url", undefined, URL_BODY), 401);
    expect(problem.detail).toMatch(/Authorization: Bearer/);
  });

  it("refuses a malformed key and one with a wrong checksum", async () => {
    await expectProblem(await postJson("/v1/analyze/url", "sk_test_short", URL_BODY), 401);
    const valid = generateApiKey("test");
    const flipped = valid.slice(0, 10) + (valid[10] === "A" ? "B" : "A") + valid.slice(11);
    const problem = await expectProblem(await postJson("/v1/analyze/url", flipped, URL_BODY), 401);
    expect(problem.detail).toMatch(/checksum/);
  });

  it("refuses a malformed key without touching Postgres or Redis", async () => {
    // Both services point at closed ports: any lookup would answer 503, not 401.
    const unreachable = { ...testEnv, DATABASE_URL: "postgres://nobody@127.0.0.1:9/none", UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" };
    const res = await app.request(`${BASE}/v1/analyze/url`, { method: "POST", headers: { authorization: "Bearer sk_live_not-a-key", "content-type": "application/json" }, body: "{}" }, unreachable);
    await expectProblem(res, 401);
    // Change the last checksum character (to a different one: a key ending in "0" stays valid otherwise).
    const live = generateApiKey("live");
    const checksumOff = live.slice(0, -1) + (live.endsWith("0") ? "1" : "0");
    const res2 = await app.request(`${BASE}/v1/analyze/url`, { method: "POST", headers: { "x-api-key": checksumOff } }, unreachable);
    await expectProblem(res2, 401);
  });

  it("refuses an sk_live_ key on a test deployment, and an sk_test_ key on a live one, before any lookup", async () => {
    const live = await createKey({ environment: "live" });
    const problem = await expectProblem(await postJson("/v1/analyze/url", live.key, URL_BODY), 401);
    expect(problem.detail).toBe("This deployment takes sk_test_ keys; this is an sk_live_ key. Use a key created for the test environment.");
    expect(await reportCount(live.account_id)).toBe(0);
    // A live deployment, with Postgres and Redis unreachable: the refusal needs neither.
    const unreachable = { ...testEnv, API_KEY_ENV: "live", DATABASE_URL: "postgres://nobody@127.0.0.1:9/none", UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" };
    const res = await app.request(`${BASE}/v1/analyze/url`, { method: "POST", headers: { "x-api-key": generateApiKey("test"), "content-type": "application/json" }, body: JSON.stringify(URL_BODY) }, unreachable);
    const refused = await expectProblem(res, 401);
    expect(refused.detail).toBe("This deployment takes sk_live_ keys; this is an sk_test_ key. Use a key created for the live environment.");
  });

  it("refuses a well-formed key that does not exist", async () => {
    await expectProblem(await postJson("/v1/analyze/url", generateApiKey("test"), URL_BODY), 401);
  });

  it("accepts the key as Bearer (any case) and as X-API-Key", async () => {
    const { key } = await createKey();
    for (const headers of [{ authorization: `Bearer ${key}` }, { authorization: `bEaReR ${key}` }, { "x-api-key": key }] as Record<string, string>[]) {
      const res = await call("/v1/analyze/url", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(URL_BODY) });
      expect(res.status).toBe(200);
    }
  });

  it("refuses two different keys in Authorization and X-API-Key with 400, and takes the same key sent twice", async () => {
    const a = await createKey();
    const b = await createKey();
    const both = (x: string) => call("/v1/analyze/url", { method: "POST", headers: { authorization: `Bearer ${a.key}`, "x-api-key": x, "content-type": "application/json" }, body: JSON.stringify(URL_BODY) });
    const problem = await expectProblem(await both(b.key), 400);
    expect(problem.detail).toBe("The request carries one key in `Authorization: Bearer` and another in `X-API-Key`: send the key once, in one of the two.");
    expect(await reportCount(a.account_id)).toBe(0);
    expect(await reportCount(b.account_id)).toBe(0);
    expect((await both(a.key)).status).toBe(200);
  });

  it("refuses a revoked key on the next request", async () => {
    const created = await createKey();
    expect((await postJson("/v1/analyze/url", created.key, URL_BODY)).status).toBe(200);
    const hashes = await withDb((db) => revokeApiKey(db, created.id));
    expect(hashes).toEqual([await hashApiKey(created.key)]);
    await forgetKeys(new Redis({ url: testEnv.UPSTASH_REDIS_REST_URL, token: testEnv.UPSTASH_REDIS_REST_TOKEN }), hashes);
    await expectProblem(await postJson("/v1/analyze/url", created.key, URL_BODY), 401);
  });

  it("refuses an expired key", async () => {
    const created = await createKey({ expiresAt: new Date(Date.now() - 1000) });
    await expectProblem(await postJson("/v1/analyze/url", created.key, URL_BODY), 401);
  });

  it("answers 403 when the key lacks the endpoint's scope", async () => {
    const created = await createKey({ scopes: ["analyze:email"] });
    const problem = await expectProblem(await postJson("/v1/analyze/url", created.key, URL_BODY), 403);
    expect(problem.detail).toContain("analyze:url");
  });
});
