// Register, login, refresh rotation with reuse detection, logout and logout everywhere, failed-login
// limits, and what is stored at rest.
import { describe, expect, it } from "vitest";
import { hashPassword, parseArgon2Hash, signAccessToken } from "@traceo/auth";
import { generateApiKey } from "@traceo/api-keys";
import { decryptFieldText, loadKeyring } from "@traceo/crypto";
import { Redis } from "@upstash/redis/cloudflare";
import { IP_FAILURES, recordLoginFailure } from "../src/login-limits.ts";
import { call, expectProblem, json, loginTokens, post, registerUser, registerWithTwoFactor, testEnv, uniqueIp, uniqueName, withDb, type Tokens } from "./support.ts";

describe("register", () => {
  it("creates a user with its own account and refuses a taken username or email", async () => {
    const user = await registerUser("reg");
    const row = await withDb((db) => db.selectFrom("users").innerJoin("accounts", "accounts.id", "users.account_id").select(["users.id", "users.account_id", "accounts.name"]).where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(row.account_id).toMatch(/^acc_/);
    expect(row.name).toBe(`user:${row.id}`);
    await expectProblem(await post("/auth/register", { username: user.username.toUpperCase(), email: `other-${user.email}`, password: user.password }), 409);
    await expectProblem(await post("/auth/register", { username: uniqueName("other"), email: user.email.toUpperCase(), password: user.password }), 409);
  });

  it("stores the email encrypted with a blind index, and the password as argon2id", async () => {
    const user = await registerUser("rest");
    const row = await withDb((db) => db.selectFrom("users").select(["id", "email_enc", "email_bidx", "password_hash"]).where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(Buffer.from(row.email_enc).includes(Buffer.from(user.email))).toBe(false);
    expect(await decryptFieldText(loadKeyring(testEnv.TRACEO_ENCRYPTION_KEYS), { table: "users", column: "email_enc", rowId: row.id }, new Uint8Array(row.email_enc))).toBe(user.email);
    expect(row.email_bidx.byteLength).toBe(32);
    expect(parseArgon2Hash(row.password_hash)).toMatchObject({ memoryKiB: 19456, iterations: 2, parallelism: 1 });
  });

  it("stores the TOTP secret encrypted", async () => {
    const user = await registerWithTwoFactor("rest-totp");
    const row = await withDb((db) => db.selectFrom("users").select(["totp_secret_enc", "totp_pending_enc"]).where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(row.totp_pending_enc).toBeNull();
    const stored = Buffer.from(row.totp_secret_enc!);
    expect(stored[0]).toBe(1); // envelope version byte
    expect(stored.includes(Buffer.from(user.secret))).toBe(false);
  });
});

describe("login", () => {
  it("accepts the username in any case or the email, and answers an unknown user exactly like a wrong password", async () => {
    const user = await registerUser("login");
    expect(await loginTokens({ ...user, username: user.username.toUpperCase() })).toHaveProperty("access_token");
    expect(await json(await post("/auth/login", { email: ` ${user.email.toUpperCase()} `, password: user.password }, { ip: user.ip }), 200)).toHaveProperty("access_token");
    const wrong = await post("/auth/login", { username: user.username, password: "wrong password" }, { ip: uniqueIp() });
    const unknown = await post("/auth/login", { username: uniqueName("nobody"), password: "wrong password" }, { ip: uniqueIp() });
    const unknownEmail = await post("/auth/login", { email: `${uniqueName("nobody")}@example.com`, password: "wrong password" }, { ip: uniqueIp() });
    const bodies = [];
    for (const res of [wrong, unknown, unknownEmail]) {
      const problem = await expectProblem(res, 401);
      bodies.push({ type: problem.type, title: problem.title, detail: problem.detail });
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("upgrades a hash made with weaker parameters at the next login", async () => {
    const user = await registerUser("rehash");
    const weak = await hashPassword(user.password, { memoryKiB: 8192, iterations: 1, parallelism: 1 });
    await withDb((db) => db.updateTable("users").set({ password_hash: weak }).where("username", "=", user.username).execute());
    await loginTokens(user);
    const stored = await withDb((db) => db.selectFrom("users").select("password_hash").where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(parseArgon2Hash(stored.password_hash)).toMatchObject({ memoryKiB: 19456, iterations: 2 });
    expect(await loginTokens(user)).toHaveProperty("access_token");
  });

  it("limits failed logins per account: the 11th try within 15 minutes gets 429 with Retry-After, also with the right password", async () => {
    const user = await registerUser("limit");
    // Username and email share one allowance: 5 wrong tries by each make 10.
    for (let i = 0; i < 10; i++) {
      const name = i % 2 === 0 ? { username: user.username } : { email: user.email };
      await expectProblem(await post("/auth/login", { ...name, password: `wrong ${i}` }, { ip: uniqueIp() }), 401);
    }
    await expectProblem(await post("/auth/login", { email: user.email, password: user.password }, { ip: uniqueIp() }), 429);
    const res = await post("/auth/login", { username: user.username, password: user.password }, { ip: uniqueIp() });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(res, 429);
    // An unknown name is limited in exactly the same way.
    const ghost = uniqueName("ghost");
    for (let i = 0; i < 10; i++) await expectProblem(await post("/auth/login", { username: ghost, password: `wrong ${i}` }, { ip: uniqueIp() }), 401);
    await expectProblem(await post("/auth/login", { username: ghost, password: "wrong" }, { ip: uniqueIp() }), 429);
  });

  it("limits failed logins per client IP across accounts", async () => {
    const ip = uniqueIp();
    // A few failures through the API, the rest of the 100 recorded straight into the same Upstash limiter
    // (100 argon2 decoy checks would only make the test slow).
    for (let i = 0; i < 3; i++) await expectProblem(await post("/auth/login", { username: uniqueName("spray"), password: "wrong" }, { ip }), 401);
    const redis = new Redis({ url: testEnv.UPSTASH_REDIS_REST_URL, token: testEnv.UPSTASH_REDIS_REST_TOKEN });
    for (let i = 3; i < IP_FAILURES.limit; i++) await recordLoginFailure(redis, { identifier: uniqueName("spray"), ip });
    const user = await registerUser("sprayed");
    const res = await post("/auth/login", { username: user.username, password: user.password }, { ip });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(res, 429);
    expect(await loginTokens(user)).toHaveProperty("access_token"); // from the user's own address
  });

  it("never limits someone who signs in correctly, many times in a row", async () => {
    const user = await registerUser("steady");
    for (let i = 0; i < 12; i++) expect(await loginTokens(user)).toHaveProperty("access_token");
  });
});

describe("sessions", () => {
  it("rotates refresh tokens; presenting a used one revokes the whole session", async () => {
    const user = await registerUser("refresh");
    const first = await loginTokens(user);
    const second = await json<Tokens>(await post("/auth/refresh", { refresh_token: first.refresh_token }), 200);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await call("/auth/2fa/status", { token: second.access_token })).status).toBe(200);
    const third = await json<Tokens>(await post("/auth/refresh", { refresh_token: second.refresh_token }), 200);

    // Reuse of an already-rotated token: refused, and the family (session) dies with it.
    await expectProblem(await post("/auth/refresh", { refresh_token: first.refresh_token }), 401);
    await expectProblem(await post("/auth/refresh", { refresh_token: third.refresh_token }), 401);
    await expectProblem(await call("/auth/2fa/status", { token: third.access_token }), 401);
    // Other sessions of the same user are untouched.
    expect((await call("/auth/2fa/status", { token: (await loginTokens(user)).access_token })).status).toBe(200);
  });

  it("lets exactly one of two concurrent refreshes with one token win", async () => {
    const user = await registerUser("refresh-race");
    const { refresh_token } = await loginTokens(user);
    const answers = await Promise.all([1, 2].map(() => post("/auth/refresh", { refresh_token })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("logout ends one session; logout everywhere ends them all", async () => {
    const user = await registerUser("logout");
    const [a, b, c] = [await loginTokens(user), await loginTokens(user), await loginTokens(user)];
    expect((await post("/auth/logout", {}, { token: a.access_token })).status).toBe(204);
    await expectProblem(await call("/auth/2fa/status", { token: a.access_token }), 401);
    await expectProblem(await post("/auth/refresh", { refresh_token: a.refresh_token }), 401);
    expect((await call("/auth/2fa/status", { token: b.access_token })).status).toBe(200);
    expect((await post("/auth/logout-everywhere", {}, { token: b.access_token })).status).toBe(204);
    for (const t of [b, c]) {
      await expectProblem(await call("/auth/2fa/status", { token: t.access_token }), 401);
      await expectProblem(await post("/auth/refresh", { refresh_token: t.refresh_token }), 401);
    }
  });

  it("refuses forged, malformed and missing access tokens", async () => {
    const user = await registerUser("forged");
    const { access_token } = await loginTokens(user);
    const [h, p] = access_token.split(".");
    await expectProblem(await call("/auth/2fa/status", { token: `${h}.${p}.AAAA` }), 401);
    await expectProblem(await call("/auth/2fa/status", { token: "garbage" }), 401);
    await expectProblem(await call("/auth/2fa/status"), 401);
    await expectProblem(await call("/auth/2fa/status", { headers: { authorization: `Basic ${access_token}` } }), 401);
  });

  it("says what is wrong: the token (bad or expired), an API key instead of a session, or the header's form", async () => {
    const user = await registerUser("wording");
    const { access_token } = await loginTokens(user);
    const [h, p] = access_token.split(".");
    const expired = await signAccessToken({ userId: "usr_x", accountId: "acc_x", sessionId: "ses_x" }, testEnv.AUTH_JWT_SECRET, Date.now() - 3_600_000);
    const invalid = "The access token is not valid or has expired; refresh it or sign in again.";
    for (const token of [`${h}.${p}.AAAA`, expired, "garbage"]) {
      expect((await expectProblem(await call("/auth/me", { token }), 401)).detail, token.slice(0, 12)).toBe(invalid);
    }
    const notASession = "An API key is not a session token: sign-in and key management need an access token. Sign in (POST /auth/login) to get one and send it as `Authorization: Bearer <access_token>`.";
    const apiKey = generateApiKey("test");
    expect((await expectProblem(await call("/auth/me", { token: apiKey }), 401)).detail).toBe(notASession);
    expect((await expectProblem(await call("/auth/me", { headers: { "x-api-key": apiKey } }), 401)).detail).toBe(notASession);
    expect((await expectProblem(await call("/auth/me", { headers: { authorization: `Basic ${access_token}` } }), 401)).detail).toBe("The Authorization header must be `Bearer <access_token>`.");
  });
});
