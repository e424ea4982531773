// Self-service API keys end to end: a signed-in user creates, lists, revokes and rolls keys of their
// own account, and the analysis API honours each change on the very next request.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import keysApp from "../src/index.ts";
import analyzeApp from "../../analyze/src/index.ts";
import { forgetKeys } from "@traceo/gateway";
import { hashApiKey } from "@traceo/api-keys";
import { Redis } from "@upstash/redis/cloudflare";
import { BASE, expectProblem, json, loginTokens, post, registerUser, testEnv, withDb } from "../../auth/test/support.ts";

type Created = { key: string; id: string; prefix: string; name: string; tier: string; scopes: string[]; expires_at: string | null; account_id: string };
type Listed = { plan: string; keys: { id: string; prefix: string; name: string; tier: string; scopes: string[]; status: string; created_at: string; last_used_at: string | null; expires_at: string | null }[] };

async function keys(path: string, token: string | undefined, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return await keysApp.request(BASE + path, { ...init, headers }, testEnv);
}

const create = (token: string, body: unknown) => keys("/v1/keys", token, { method: "POST", body: JSON.stringify(body) });

async function analyzeUrl(key: string): Promise<Response> {
  return await analyzeApp.request(`${BASE}/v1/analyze/url`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.org/" }) }, testEnv);
}

/** A registered, signed-in user whose account's plan allows `plan` keys (sign-ups start on free). */
async function signedIn(label: string, plan: "free" | "pro" | "enterprise" = "enterprise") {
  const user = await registerUser(label);
  const { access_token } = await loginTokens(user);
  await withDb((db) =>
    db.updateTable("accounts").set({ plan }).where("id", "in", db.selectFrom("users").select("account_id").where("username", "=", user.username)).execute(),
  );
  return { user, token: access_token };
}

describe("self-service API keys", () => {
  it("lets a new account create keys up to its plan only", async () => {
    const { token } = await signedIn("keys-plan", "free");
    await json<Created>(await create(token, { name: "free one", tier: "free" }), 201);
    for (const tier of ["pro", "enterprise"]) {
      const problem = await expectProblem(await create(token, { name: "too big", tier }), 403);
      expect(problem.detail).toContain("up to the free tier");
    }
    const listed = await json<Listed>(await keys("/v1/keys", token), 200);
    expect(listed.keys.map((k) => k.tier)).toEqual(["free"]);
    expect(listed.plan).toBe("free"); // the console offers only the tiers the plan allows
    const pro = await signedIn("keys-plan-pro", "pro");
    expect((await json<Listed>(await keys("/v1/keys", pro.token), 200)).plan).toBe("pro");
  });

  it("creates a key that works on the analysis API, shown once, owned by the user's account", async () => {
    const { user, token } = await signedIn("keys-create");
    const created = await json<Created>(await create(token, { name: "ci pipeline", tier: "pro", scopes: ["analyze:url", "analyze:email"] }), 201);
    expect(created.key).toMatch(/^sk_test_/);
    expect(created).toMatchObject({ name: "ci pipeline", tier: "pro", scopes: ["analyze:url", "analyze:email"], expires_at: null });
    const owner = await withDb((db) => db.selectFrom("users").select("account_id").where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(created.account_id).toBe(owner.account_id);
    expect((await analyzeUrl(created.key)).status).toBe(200);
    const stored = await withDb((db) => db.selectFrom("api_keys").select(["key_hash", "display_prefix"]).where("id", "=", created.id).executeTakeFirstOrThrow());
    expect(stored.key_hash).toBe(await hashApiKey(created.key));
    const audit = await withDb((db) => sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log WHERE event_type = 'api_key.created' AND api_key_id = ${created.id}`.execute(db));
    expect(audit.rows[0]!.n).toBe("1");
  });

  it("lists the account's keys without the key itself, and only that account's", async () => {
    const alice = await signedIn("keys-list-a");
    const bob = await signedIn("keys-list-b");
    const a1 = await json<Created>(await create(alice.token, { name: "one" }), 201);
    const a2 = await json<Created>(await create(alice.token, { name: "two", tier: "enterprise", expires_at: "2099-01-01T00:00:00Z" }), 201);
    await json<Created>(await create(bob.token, { name: "bob's" }), 201);
    expect((await analyzeUrl(a1.key)).status).toBe(200); // sets last_used_at
    const listed = await json<Listed>(await keys("/v1/keys", alice.token), 200);
    expect(listed.keys.map((k) => k.id).sort()).toEqual([a1.id, a2.id].sort());
    const two = listed.keys.find((k) => k.id === a2.id)!;
    expect(two).toMatchObject({ name: "two", tier: "enterprise", status: "active", expires_at: "2099-01-01T00:00:00.000Z", prefix: a2.prefix, scopes: ["analyze:email", "analyze:url", "reports:read"] });
    expect(listed.keys.find((k) => k.id === a1.id)!.last_used_at).not.toBeNull();
    const text = JSON.stringify(listed);
    expect(text).not.toContain(a1.key);
    expect(text).not.toContain(a2.key);
    expect(text).not.toContain("key_hash");
  });

  it("revokes a key: it fails on the next request, and another account cannot touch it", async () => {
    const { token } = await signedIn("keys-revoke");
    const intruder = await signedIn("keys-intruder");
    const created = await json<Created>(await create(token, { name: "to revoke" }), 201);
    expect((await analyzeUrl(created.key)).status).toBe(200); // now cached in Redis by the gateway
    await expectProblem(await keys(`/v1/keys/${created.id}`, intruder.token, { method: "DELETE" }), 404);
    expect((await analyzeUrl(created.key)).status).toBe(200);
    expect((await keys(`/v1/keys/${created.id}`, token, { method: "DELETE" })).status).toBe(204);
    await expectProblem(await analyzeUrl(created.key), 401);
    expect((await keys(`/v1/keys/${created.id}`, token, { method: "DELETE" })).status).toBe(204); // idempotent
    const listed = await json<Listed>(await keys("/v1/keys", token), 200);
    expect(listed.keys.find((k) => k.id === created.id)!.status).toBe("revoked");
  });

  it("rolls a key: the new key works at once and the old one keeps working through the grace period", async () => {
    const { token } = await signedIn("keys-roll");
    const old = await json<Created>(await create(token, { name: "rolling", tier: "pro", scopes: ["analyze:url"] }), 201);
    expect((await analyzeUrl(old.key)).status).toBe(200);
    const rolled = await json<Created & { replaces: { id: string; ends_at: string; grace_seconds: number } }>(
      await keys(`/v1/keys/${old.id}/roll`, token, { method: "POST", body: JSON.stringify({ grace_days: 2 }) }),
      201,
    );
    expect(rolled.key).not.toBe(old.key);
    expect(rolled).toMatchObject({ name: "rolling", tier: "pro", scopes: ["analyze:url"], replaces: { id: old.id, grace_seconds: 172_800 } });
    const endsIn = new Date(rolled.replaces.ends_at).getTime() - Date.now();
    expect(endsIn).toBeGreaterThan(172_800_000 - 120_000);
    expect(endsIn).toBeLessThanOrEqual(172_800_000);
    expect((await analyzeUrl(rolled.key)).status).toBe(200);
    expect((await analyzeUrl(old.key)).status).toBe(200);

    // When the grace period is over, the old key fails (moved into the past here instead of waiting).
    await withDb((db) => db.updateTable("api_keys").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", old.id).execute());
    await forgetKeys(new Redis({ url: testEnv.UPSTASH_REDIS_REST_URL, token: testEnv.UPSTASH_REDIS_REST_TOKEN }), [await hashApiKey(old.key)]);
    await expectProblem(await analyzeUrl(old.key), 401);
    expect((await analyzeUrl(rolled.key)).status).toBe(200);
    // A key that no longer works cannot be rolled again.
    await expectProblem(await keys(`/v1/keys/${old.id}/roll`, token, { method: "POST", body: "{}" }), 409);
  });

  it("rolls with a grace period of 0: the old key fails on the next request", async () => {
    const { token } = await signedIn("keys-roll0");
    const old = await json<Created>(await create(token, { name: "now" }), 201);
    expect((await analyzeUrl(old.key)).status).toBe(200);
    const rolled = await json<Created>(await keys(`/v1/keys/${old.id}/roll`, token, { method: "POST", body: JSON.stringify({ grace_seconds: 0 }) }), 201);
    await expectProblem(await analyzeUrl(old.key), 401);
    expect((await analyzeUrl(rolled.key)).status).toBe(200);
  });

  it("refuses an expired key with 401", async () => {
    const { token } = await signedIn("keys-expiry");
    const created = await json<Created>(await create(token, { name: "short-lived", expires_at: new Date(Date.now() + 3_600_000).toISOString() }), 201);
    expect((await analyzeUrl(created.key)).status).toBe(200);
    await withDb((db) => db.updateTable("api_keys").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", created.id).execute());
    await forgetKeys(new Redis({ url: testEnv.UPSTASH_REDIS_REST_URL, token: testEnv.UPSTASH_REDIS_REST_TOKEN }), [await hashApiKey(created.key)]);
    await expectProblem(await analyzeUrl(created.key), 401);
    const listed = await json<Listed>(await keys("/v1/keys", token), 200);
    expect(listed.keys.find((k) => k.id === created.id)!.status).toBe("expired");
  });

  it("tells a caller who sends an API key to /v1/keys that it needs a session token", async () => {
    const { token } = await signedIn("keys-apikey");
    const created = (await (await create(token, { name: "mine", tier: "free" })).json()) as Created;
    const detail = "An API key is not a session token: sign-in and key management need an access token. Sign in (POST /auth/login) to get one and send it as `Authorization: Bearer <access_token>`.";
    expect((await expectProblem(await keys("/v1/keys", created.key), 401)).detail).toBe(detail);
    expect((await expectProblem(await keys("/v1/keys", undefined, { headers: { "x-api-key": created.key } }), 401)).detail).toBe(detail);
  });

  it("gives a key without analyze:url a 403 on /v1/analyze/url", async () => {
    const { token } = await signedIn("keys-scope");
    const created = await json<Created>(await create(token, { name: "email only", scopes: ["analyze:email"] }), 201);
    const problem = await expectProblem(await analyzeUrl(created.key), 403);
    expect(problem.detail).toContain("analyze:url");
  });
});

describe("keys API input", () => {
  it("needs a live session", async () => {
    await expectProblem(await keys("/v1/keys", undefined), 401);
    await expectProblem(await keys("/v1/keys", "not.a.token"), 401);
    await expectProblem(await create("x.y.z", { name: "n" }), 401);
    const { user, token } = await signedIn("keys-logout");
    expect((await keys("/v1/keys", token)).status).toBe(200);
    expect((await post("/auth/logout", {}, { token, ip: user.ip })).status).toBe(204);
    await expectProblem(await keys("/v1/keys", token), 401);
  });

  it("answers 4xx problem+json for bad bodies and ids", async () => {
    const { token } = await signedIn("keys-bad");
    const bad: [string, RequestInit, number][] = [
      ["/v1/keys", { method: "POST", body: "not json" }, 400],
      ["/v1/keys", { method: "POST", body: "" }, 400],
      ["/v1/keys", { method: "POST", body: "[]" }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "x".repeat(20_000) }) }, 413],
      ["/v1/keys", { method: "POST", body: JSON.stringify({}) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: 7 }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "x".repeat(101) }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", tier: "platinum" }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", scopes: [] }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", scopes: ["admin:all"] }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", scopes: "analyze:url" }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", expires_at: "2001-01-01T00:00:00Z" }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", expires_at: "tomorrow" }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", expires_at: "2099-13-45T00:00:00Z" }) }, 422],
      ["/v1/keys", { method: "POST", body: JSON.stringify({ name: "n", expires_at: 4102444800 }) }, 422],
      ["/v1/keys/key_nope", { method: "DELETE" }, 404],
      ["/v1/keys/key_01ARZ3NDEKTSV4RRFFQ69G5FAV", { method: "DELETE" }, 404],
      ["/v1/keys/key_01ARZ3NDEKTSV4RRFFQ69G5FAV/roll", { method: "POST", body: "{}" }, 404],
    ];
    for (const [path, init, status] of bad) {
      const problem = await expectProblem(await keys(path, token, init), status).catch((err) => {
        throw new Error(`${init.method} ${path} ${String(init.body).slice(0, 60)}: ${err.message}`);
      });
      expect(problem.status).toBe(status);
    }
    const created = await json<Created>(await create(token, { name: "grace" }), 201);
    for (const body of [{ grace_days: 8 }, { grace_seconds: -1 }, { grace_seconds: "1" }, { grace_days: 1, grace_seconds: 5 }, { grace_seconds: 1e9 }]) {
      await expectProblem(await keys(`/v1/keys/${created.id}/roll`, token, { method: "POST", body: JSON.stringify(body) }), 422);
    }
  });
});
