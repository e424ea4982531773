// Postgres down (the relay resets every connection) or the connection cut in the middle of a
// request (the relay drops it when a given statement goes by): a 503 problem with Retry-After, and
// no half-written rows, since every request that writes more than one row does it in a transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createKey, reportCount, withDb } from "../support/harness.ts";
import { codeFor, loginTokens, registerUser, registerWithTwoFactor, uniqueName } from "../../functions/auth/test/support.ts";
import { databaseUrlVia, expectServiceUnavailable, jsonInit, POSTGRES_PORT, relay, send, type Relay } from "./support.ts";

let pg: Relay;
const viaRelay = () => ({ DATABASE_URL: databaseUrlVia(pg.port) });

beforeAll(async () => {
  pg = await relay(POSTGRES_PORT);
});
afterAll(async () => {
  await pg.close();
});

/** Runs `request` with the connection cut when `statement` is sent, and checks it was cut there. */
async function cutAt(statement: string, request: () => ReturnType<typeof send>) {
  const before = (await pg.set({ state: "pass", cutOn: statement })).cuts;
  try {
    const sent = await request();
    expect((await pg.info()).cuts, `the relay saw ${statement}`).toBe(before + 1);
    return sent;
  } finally {
    await pg.set({ cutOn: null });
  }
}

async function count(query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  return withDb(async (db) => Number((await query.execute(db)).rows[0]!.n));
}

const orphanAccounts = () =>
  count(sql<{ n: string }>`SELECT count(*)::text AS n FROM accounts a WHERE a.name LIKE 'user:%' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id)`);

describe("Postgres down", () => {
  it("answers 503 with Retry-After on every function, and recovers when it is back", async () => {
    const created = await createKey({ tier: "pro" });
    await pg.set({ state: "refuse" });
    try {
      const analyse = await send("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" }, { authorization: `Bearer ${created.key}` }), viaRelay());
      await expectServiceUnavailable(analyse);
      const register = await send("auth", "/auth/register", jsonInit("POST", { username: uniqueName("pgdown"), email: "pgdown@example.com", password: "correct horse battery staple" }), viaRelay());
      await expectServiceUnavailable(register);
      const search = await send("reports", "/v1/reports?q=x", { headers: { authorization: `Bearer ${created.key}` } }, viaRelay());
      // The key was never cached (its first lookup found Postgres down), so the lookup itself answers 503.
      await expectServiceUnavailable(search);
    } finally {
      await pg.set({ state: "pass" });
    }
    const back = await send("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" }, { authorization: `Bearer ${created.key}` }), viaRelay());
    expect(back.res.status).toBe(200);
    expect(await reportCount(created.account_id)).toBe(1);
  });

  it("a key already cached still gets a 503, not a 500, when the report cannot be written", async () => {
    const created = await createKey({ tier: "pro" });
    const headers = { authorization: `Bearer ${created.key}` };
    expect((await send("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" }, headers))).res.status).toBe(200);
    const cut = await cutAt('insert into "reports"', () => send("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.net/" }, headers), viaRelay()));
    await expectServiceUnavailable(cut);
    expect(await reportCount(created.account_id)).toBe(1);
  });
});

describe("a connection cut mid-request leaves no half-written rows", () => {
  it("registration: the account row goes with the user row", async () => {
    const username = uniqueName("pgcut");
    const orphansBefore = await orphanAccounts();
    const sent = await cutAt('insert into "users"', () =>
      send("auth", "/auth/register", jsonInit("POST", { username, email: `${username}@example.com`, password: "correct horse battery staple" }), viaRelay()),
    );
    await expectServiceUnavailable(sent);
    expect(await count(sql<{ n: string }>`SELECT count(*)::text AS n FROM users WHERE username = ${username}`)).toBe(0);
    expect(await orphanAccounts()).toBe(orphansBefore);
    // The same registration succeeds afterwards: nothing half-made blocks it.
    expect((await send("auth", "/auth/register", jsonInit("POST", { username, email: `${username}@example.com`, password: "correct horse battery staple" }), viaRelay())).res.status).toBe(201);
  });

  it("login: no session without its refresh token", async () => {
    const user = await registerUser("pgcutlogin");
    const sent = await cutAt('insert into "refresh_tokens"', () => send("auth", "/auth/login", jsonInit("POST", { username: user.username, password: user.password }, { "cf-connecting-ip": user.ip }), viaRelay()));
    await expectServiceUnavailable(sent);
    expect(await count(sql<{ n: string }>`SELECT count(*)::text AS n FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ${user.username}`)).toBe(0);
  });

  it("2FA confirm: not enabled without its backup codes", async () => {
    const user = await registerUser("pgcut2fa");
    const { access_token } = await loginTokens(user);
    const auth = { authorization: `Bearer ${access_token}`, "cf-connecting-ip": user.ip };
    const setup = (await (await send("auth", "/auth/2fa/setup", jsonInit("POST", { password: user.password }, auth))).res.json()) as { secret: string };
    const sent = await cutAt('insert into "backup_codes"', () => send("auth", "/auth/2fa/confirm", jsonInit("POST", { code: codeFor(setup.secret, -1) }, auth), viaRelay()));
    await expectServiceUnavailable(sent);
    const row = await withDb((db) => db.selectFrom("users").select(["id", "totp_enabled_at", "totp_pending_enc"]).where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(row.totp_enabled_at).toBeNull();
    expect(row.totp_pending_enc).not.toBeNull();
    expect(await count(sql<{ n: string }>`SELECT count(*)::text AS n FROM backup_codes WHERE user_id = ${row.id}`)).toBe(0);
    // Confirming again (with the current code) works: the pending setup survived.
    expect((await send("auth", "/auth/2fa/confirm", jsonInit("POST", { code: codeFor(setup.secret) }, auth))).res.status).toBe(200);
  });

  it("new backup codes: the old ones stay until the new ones are written", async () => {
    const user = await registerWithTwoFactor("pgcutcodes");
    const { access_token } = await (async () => {
      const login = (await (await send("auth", "/auth/login", jsonInit("POST", { username: user.username, password: user.password }, { "cf-connecting-ip": user.ip }))).res.json()) as { challenge: string };
      return (await (await send("auth", "/auth/2fa/verify", jsonInit("POST", { challenge: login.challenge, code: user.backupCodes[0] }, { "cf-connecting-ip": user.ip }))).res.json()) as { access_token: string };
    })();
    const userId = (await withDb((db) => db.selectFrom("users").select("id").where("username", "=", user.username).executeTakeFirstOrThrow())).id;
    const codesBefore = await withDb((db) => db.selectFrom("backup_codes").select(["code_hash", "used_at"]).where("user_id", "=", userId).orderBy("code_hash").execute());
    const sent = await cutAt('insert into "backup_codes"', () =>
      send("auth", "/auth/2fa/backup-codes", jsonInit("POST", { password: user.password, code: user.backupCodes[1] }, { authorization: `Bearer ${access_token}`, "cf-connecting-ip": user.ip }), viaRelay()),
    );
    await expectServiceUnavailable(sent);
    const codesAfter = await withDb((db) => db.selectFrom("backup_codes").select(["code_hash", "used_at"]).where("user_id", "=", userId).orderBy("code_hash").execute());
    expect(codesAfter.map((c) => c.code_hash)).toEqual(codesBefore.map((c) => c.code_hash));
    expect(codesAfter).toHaveLength(10);
  });

  it("key roll: no new key unless the old one's end is written too", async () => {
    const user = await registerUser("pgcutroll");
    const { access_token } = await loginTokens(user);
    const auth = { authorization: `Bearer ${access_token}` };
    const key = (await (await send("keys", "/v1/keys", jsonInit("POST", { name: "rolling", tier: "free" }, auth))).res.json()) as { id: string; account_id: string };
    const sent = await cutAt('update "api_keys"', () => send("keys", `/v1/keys/${key.id}/roll`, jsonInit("POST", { grace_seconds: 60 }, auth), viaRelay()));
    await expectServiceUnavailable(sent);
    const rows = await withDb((db) => db.selectFrom("api_keys").select(["id", "expires_at", "revoked_at"]).where("account_id", "=", key.account_id).execute());
    expect(rows).toEqual([{ id: key.id, expires_at: null, revoked_at: null }]);
  });
});
