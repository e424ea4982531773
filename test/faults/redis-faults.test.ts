// Redis down (a port that resets every connection) or slow (a relay that holds each request longer
// than the deadline): the analysis API follows RATE_LIMIT_UNAVAILABLE_POLICY, sign-in and key
// management fail closed, and every refusal is a fast 503 problem with Retry-After that stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createKey, reportCount, withDb } from "../support/harness.ts";
import { loginTokens, registerUser, uniqueIp } from "../../functions/auth/test/support.ts";
import { expectServiceUnavailable, jsonInit, PRODUCTION_REDIS_TIMEOUT_MS, relay, send, UPSTASH_PORT, type Relay } from "./support.ts";

// The contract: a refusal well before @upstash/ratelimit's silent 5 s fail-open.
const CONTRACT_MS = 5_000;
const body = { url: "https://example.org/" };

let dead: Relay;
let slow: Relay;
const via = (r: Relay, policy: "deny" | "allow" = "deny") => ({
  UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${r.port}`,
  RATE_LIMIT_TIMEOUT_MS: PRODUCTION_REDIS_TIMEOUT_MS,
  RATE_LIMIT_UNAVAILABLE_POLICY: policy,
});

beforeAll(async () => {
  dead = await relay(UPSTASH_PORT, { state: "refuse" });
  // Each request to the Upstash adapter waits 2.5 s: past the 1.5 s deadline, short of 5 s.
  slow = await relay(UPSTASH_PORT, { delayMs: 2_500 });
});
afterAll(async () => {
  await dead.close();
  await slow.close();
});

const analyze = (key: string, settings: Record<string, string>) => send("analyze", "/v1/analyze/url", jsonInit("POST", body, { authorization: `Bearer ${key}` }), settings);

describe.each([
  ["down", () => dead],
  ["slow", () => slow],
])("Redis %s", (_label, target) => {
  it("analysis with policy deny: 503 with Retry-After well under 5 s, nothing stored", async () => {
    const created = await createKey({ tier: "pro" });
    const sent = await analyze(created.key, via(target(), "deny"));
    const { retryAfter } = await expectServiceUnavailable(sent);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(sent.ms).toBeLessThan(CONTRACT_MS);
    expect(await reportCount(created.account_id)).toBe(0);
  });

  it("analysis with policy allow: admitted without limits, and the report is stored", async () => {
    const created = await createKey({ tier: "pro" });
    const sent = await analyze(created.key, via(target(), "allow"));
    expect(sent.res.status, await sent.res.clone().text()).toBe(200);
    expect(sent.res.headers.get("ratelimit")).toBeNull(); // no limits were checked, and none are claimed
    expect(sent.ms).toBeLessThan(CONTRACT_MS); // Redis is given up on once, at the deadline
    expect(await reportCount(created.account_id)).toBe(1);
  });

  it("sign-in fails closed even with policy allow: 503, no session started", async () => {
    const user = await registerUser("redisfault");
    for (const policy of ["deny", "allow"] as const) {
      const sent = await send("auth", "/auth/login", jsonInit("POST", { username: user.username, password: user.password }, { "cf-connecting-ip": uniqueIp() }), via(target(), policy));
      await expectServiceUnavailable(sent);
      expect(sent.ms).toBeLessThan(CONTRACT_MS);
    }
    const sessions = await withDb((db) =>
      sql<{ n: string }>`SELECT count(*)::text AS n FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ${user.username}`.execute(db),
    );
    expect(Number(sessions.rows[0]!.n)).toBe(0);
  });

  it("password re-confirmation (2FA setup) fails closed: 503, nothing pending", async () => {
    const user = await registerUser("redisfault2fa");
    const { access_token } = await loginTokens(user);
    const sent = await send("auth", "/auth/2fa/setup", jsonInit("POST", { password: user.password }, { authorization: `Bearer ${access_token}` }), via(target(), "allow"));
    await expectServiceUnavailable(sent);
    expect(sent.ms).toBeLessThan(CONTRACT_MS);
    const row = await withDb((db) => db.selectFrom("users").select("totp_pending_enc").where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(row.totp_pending_enc).toBeNull();
  });

  it("key revocation and rolls fail closed: 503, the key unchanged and still working", async () => {
    const user = await registerUser("redisfaultkeys");
    const { access_token } = await loginTokens(user);
    const auth = { authorization: `Bearer ${access_token}` };
    const created = await send("keys", "/v1/keys", jsonInit("POST", { name: "faulty", tier: "free" }, auth));
    expect(created.res.status).toBe(201);
    const key = (await created.res.json()) as { id: string; key: string; account_id: string };

    const revoke = await send("keys", `/v1/keys/${key.id}`, { method: "DELETE", headers: auth }, via(target(), "allow"));
    await expectServiceUnavailable(revoke);
    expect(revoke.ms).toBeLessThan(CONTRACT_MS);
    const roll = await send("keys", `/v1/keys/${key.id}/roll`, jsonInit("POST", { grace_seconds: 0 }, auth), via(target(), "allow"));
    await expectServiceUnavailable(roll);
    expect(roll.ms).toBeLessThan(CONTRACT_MS);

    const rows = await withDb((db) => db.selectFrom("api_keys").select(["id", "revoked_at", "expires_at"]).where("account_id", "=", key.account_id).execute());
    expect(rows).toEqual([{ id: key.id, revoked_at: null, expires_at: null }]);
    const audits = await withDb((db) =>
      sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log WHERE api_key_id = ${key.id} AND event_type IN ('api_key.revoked', 'api_key.rolled')`.execute(db),
    );
    expect(Number(audits.rows[0]!.n)).toBe(0);
    // With Redis back, the key still works and can be revoked.
    expect((await analyze(key.key, {})).res.status).toBe(200);
    expect((await send("keys", `/v1/keys/${key.id}`, { method: "DELETE", headers: auth })).res.status).toBe(204);
    expect((await analyze(key.key, {})).res.status).toBe(401);
  });
});

describe("Redis faults are logged", () => {
  it("writes one structured error line with the request id and the policy", async () => {
    const created = await createKey({ tier: "pro" });
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    let sent;
    try {
      sent = await analyze(created.key, via(dead, "deny"));
    } finally {
      console.error = original;
    }
    await expectServiceUnavailable(sent);
    const requestId = sent.res.headers.get("x-request-id");
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const event = events.find((e) => e.msg === "key cache unavailable");
    expect(event).toMatchObject({ level: "error", requestId, policy: "deny" });
    expect(lines.join("\n")).not.toContain(created.key);
  });
});
