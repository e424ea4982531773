// Fuzzed requests to every JSON route of the accounts Worker (functions/auth) and of functions/keys,
// in workerd against the real Postgres and Redis: generated bodies (the route's field names holding
// wrong types, huge or odd strings, NUL, lone surrogates; arbitrary and broken JSON; invalid UTF-8),
// random content types, random path ids and query strings. Never a 5xx, every 4xx is problem+json
// with its status and a title, and a refused request stores nothing. Fixed seed, bounded runs.
import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { answerProblems, describeBody, fieldSweep, jsonBodies, queryStrings, type FuzzBody } from "@traceo/fuzz/arbitraries/http.ts";
import keysApp from "../../keys/src/index.ts";
import { BASE, call, loginTokens, registerUser, testEnv, uniqueIp, withDb } from "./support.ts";

const SEED = 20261204;
const RUNS = 25;

const user = await registerUser("fuzz");
const { access_token: token } = await loginTokens(user);

type Send = (path: string, init: RequestInit) => Promise<Response>;
const auth: Send = (path, init) => call(path, { ...init, token, ip: uniqueIp() });
const anonymous: Send = (path, init) => call(path, { ...init, ip: uniqueIp() });
const keys: Send = async (path, init) => {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return await keysApp.request(BASE + path, { ...init, headers }, testEnv);
};

function init(method: string, b: FuzzBody): RequestInit {
  return { method, headers: b.contentType === null ? {} : { "content-type": b.contentType }, body: b.body };
}

async function expectAcceptable(res: Response, what: string): Promise<number> {
  const problems = await answerProblems(res);
  if (problems.length > 0) throw new Error(`${what}: ${problems.join("; ")}`);
  return res.status;
}

/** Users named `name` (a name Postgres can compare: no NUL, no lone surrogate). */
async function usersNamed(name: string): Promise<number> {
  return withDb(async (db) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM users WHERE lower(username) = lower(${name})`.execute(db)).rows[0]!.n));
}
const comparable = (v: unknown): v is string => typeof v === "string" && !/[\u0000\ud800-\udfff]/.test(v);

async function keyCount(): Promise<number> {
  const res = await keys("/v1/keys", { method: "GET" });
  return ((await res.json()) as { keys: unknown[] }).keys.length;
}

/** Each route with a valid body (mutated one field at a time) or just its field names. */
const ROUTES: { method: string; path: string; valid: Record<string, unknown>; send: Send }[] = [
  { method: "POST", path: "/auth/login", valid: { username: user.username, password: "wrong password" }, send: anonymous },
  { method: "POST", path: "/auth/refresh", valid: { refresh_token: "rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, send: anonymous },
  { method: "POST", path: "/auth/2fa/verify", valid: { challenge: "chl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", code: "123456" }, send: anonymous },
  { method: "POST", path: "/auth/logout", valid: { refresh_token: "rt_x" }, send: anonymous },
  { method: "POST", path: "/auth/logout-everywhere", valid: { x: 1 }, send: anonymous },
  { method: "POST", path: "/auth/2fa/setup", valid: { password: "wrong password" }, send: auth },
  { method: "POST", path: "/auth/2fa/confirm", valid: { code: "123456" }, send: auth },
  { method: "POST", path: "/auth/2fa/disable", valid: { password: "wrong password", code: "123456" }, send: auth },
  { method: "POST", path: "/auth/2fa/backup-codes", valid: { password: "wrong password" }, send: auth },
  { method: "PATCH", path: "/auth/me", valid: { phone: "+44 20 7946 0958" }, send: auth },
];

describe("fuzzed requests to the accounts Worker", () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: each field of a valid body holding each poison value`, async () => {
      for (const b of fieldSweep(route.valid)) await expectAcceptable(await route.send(route.path, init(route.method, b)), `${route.method} ${route.path} ${describeBody(b)}`);
    });

    it(`${route.method} ${route.path}: bodies of any shape`, async () => {
      await fc.assert(
        fc.asyncProperty(jsonBodies(Object.keys(route.valid), route.valid), async (b) => {
          await expectAcceptable(await route.send(route.path, init(route.method, b)), `${route.method} ${route.path} ${describeBody(b)}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it("POST /auth/register: each field of a valid body holding each poison value", async () => {
    let n = 0;
    for (const b of fieldSweep({ username: "sweep", email: "sweep@mail.example", password: "long enough password", phone: "+44 20 7946 0958" })) {
      // A fresh name each time, so the sweep tests the field, not the duplicate-name check.
      const body = (b.body as string).replace('"sweep"', JSON.stringify(`sweep${Date.now().toString(36)}${n++}`));
      await expectAcceptable(await anonymous("/auth/register", init("POST", { ...b, body })), `register ${describeBody(b)}`);
    }
  });

  it("POST /auth/register: bodies of any shape; a refused one creates no user", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(jsonBodies(["username", "email", "password", "phone"], { username: "fuzzuser", email: "fuzz@mail.example", password: "long enough password", phone: "+44 20 7946 0958" }), async (b) => {
        let username: unknown;
        try {
          username = typeof b.body === "string" ? (JSON.parse(b.body) as { username?: unknown }).username : undefined;
        } catch {
          username = undefined;
        }
        const before = comparable(username) ? await usersNamed(username) : 0;
        const status = await expectAcceptable(await anonymous("/auth/register", init("POST", b)), `register ${describeBody(b)}`);
        statuses.add(status);
        if (status !== 201 && comparable(username)) expect(await usersNamed(username)).toBe(before);
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it("GET /auth/me and /auth/2fa/status: any query string", async () => {
    await fc.assert(
      fc.asyncProperty(queryStrings(["phone", "x"]), fc.constantFrom("/auth/me", "/auth/2fa/status"), async (q, path) => {
        await expectAcceptable(await auth(`${path}?${q}`, { method: "GET" }), `${path}?${q}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("found by fuzzing", () => {
  it("a key name with a NUL character is refused with 422, not a 500 from Postgres, and no key is made", async () => {
    const before = await keyCount();
    const res = await keys("/v1/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "a\u0000b" }) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([{ path: "/name", message: "must not contain NUL characters or unpaired surrogates" }]);
    expect(await keyCount()).toBe(before);
  });

  it("a key name with an unpaired surrogate is refused (it would be stored as U+FFFD)", async () => {
    const res = await keys("/v1/keys", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": "a\\ud800b"}' });
    expect(res.status).toBe(422);
  });

  it("a sign-in name with a NUL character is refused with 422, not a 500; a password may hold one", async () => {
    const res = await anonymous("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "a\u0000", password: "x" }) });
    expect(res.status).toBe(422);
    // A user of its own: the fuzzed sign-ins above may have locked `user` (429).
    const other = await registerUser("nul");
    const wrong = await anonymous("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: other.username, password: "wrong\u0000\ud800" }) });
    expect(wrong.status).toBe(401);
  });
});

const NEW_KEY = { name: "fuzz", tier: "free", scopes: ["analyze:url"], expires_at: "2030-01-31T00:00:00Z" };

describe("fuzzed requests to the keys Worker", () => {
  it("POST /v1/keys: each field of a valid body holding each poison value; a refused one creates no key", async () => {
    for (const b of fieldSweep(NEW_KEY)) {
      const before = await keyCount();
      const status = await expectAcceptable(await keys("/v1/keys", init("POST", b)), `create ${describeBody(b)}`);
      expect(await keyCount()).toBe(before + (status === 201 ? 1 : 0));
    }
  });

  it("POST /v1/keys: bodies of any shape; a refused one creates no key", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(jsonBodies(Object.keys(NEW_KEY), NEW_KEY), async (b) => {
        const before = await keyCount();
        const status = await expectAcceptable(await keys("/v1/keys", init("POST", b)), `create ${describeBody(b)}`);
        statuses.add(status);
        expect(await keyCount()).toBe(before + (status === 201 ? 1 : 0));
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it("DELETE /v1/keys/{id} and POST /v1/keys/{id}/roll: random ids and bodies", async () => {
    const id = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom("key_01KBK3ZQ6C9W7Y0V8R1M2N3P4Q", "%00", "..", "a".repeat(3000)));
    await fc.assert(
      fc.asyncProperty(id, jsonBodies(["grace_seconds", "grace_days"], { grace_seconds: 60 }), fc.boolean(), async (raw, b, roll) => {
        const path = `/v1/keys/${encodeURIComponent(raw) || "x"}${roll ? "/roll" : ""}`;
        const before = await keyCount();
        const res = roll ? await keys(path, init("POST", b)) : await keys(path, { method: "DELETE" });
        const status = await expectAcceptable(res, `${roll ? "POST" : "DELETE"} ${path} ${describeBody(b)}`);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(await keyCount()).toBe(before);
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });

  it("GET /v1/keys: any query string", async () => {
    await fc.assert(
      fc.asyncProperty(queryStrings(["limit", "cursor", "status"]), async (q) => {
        expect(await expectAcceptable(await keys(`/v1/keys?${q}`, { method: "GET" }), `/v1/keys?${q}`)).toBe(200);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
