// The whole 2FA journey in workerd against the real Postgres and Redis (issue 3 acceptance):
// register -> login -> setup -> confirm -> logout -> login (challenge) -> verify with TOTP -> the same
// code again is refused -> a backup code works once, not twice -> disable needs password AND code.
import { describe, expect, it } from "vitest";
import { parseOtpauthUri } from "@traceo/auth";
import { sql } from "kysely";
import { call, codeFor, expectProblem, json, loginChallenge, loginTokens, post, registerUser, registerWithTwoFactor, withDb, type Tokens } from "./support.ts";

describe("two-factor journey", () => {
  it("walks from registration to disabling 2FA", async () => {
    const user = await registerUser("journey");
    const opts = { ip: user.ip };

    // Login without 2FA gives tokens straight away.
    const first = await json<Tokens>(await post("/auth/login", { username: user.username, password: user.password }, opts), 200);
    const session = { ...opts, token: first.access_token };
    expect(await json(await call("/auth/2fa/status", session), 200)).toMatchObject({ enabled: false, backup_codes_left: 0 });

    // Setup needs the password again; it yields a pending secret, the URI and a QR code, no backup codes.
    await expectProblem(await post("/auth/2fa/setup", { password: "not the password" }, session), 403);
    const setup = await json<{ otpauth_uri: string; qr_svg: string; secret: string; backup_codes?: unknown }>(await post("/auth/2fa/setup", { password: user.password }, session), 200);
    expect(setup.backup_codes).toBeUndefined();
    expect(setup.qr_svg.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const key = parseOtpauthUri(setup.otpauth_uri);
    expect(key).toMatchObject({ issuer: "Traceo", account: user.username, algorithm: "SHA1", digits: 6, periodSeconds: 30 });
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(await json(await call("/auth/2fa/status", session), 200)).toMatchObject({ enabled: false });

    // Still pending: logging in again does not ask for a code.
    expect(await json(await post("/auth/login", { email: user.email, password: user.password }, opts), 200)).toHaveProperty("access_token");

    // Confirm with a wrong code fails; with the current code it enables 2FA and returns 10 backup codes once.
    await expectProblem(await post("/auth/2fa/confirm", { code: "000000" === codeFor(setup.secret) ? "111111" : "000000" }, session), 401);
    const confirmed = await json<{ backup_codes: string[] }>(await post("/auth/2fa/confirm", { code: codeFor(setup.secret, -1) }, session), 200);
    expect(confirmed.backup_codes).toHaveLength(10);
    await expectProblem(await post("/auth/2fa/confirm", { code: codeFor(setup.secret) }, session), 409);
    expect(await json(await call("/auth/2fa/status", session), 200)).toMatchObject({ enabled: true, backup_codes_left: 10 });

    // Logout ends the session: its access token stops working at once.
    expect((await post("/auth/logout", {}, session)).status).toBe(204);
    await expectProblem(await call("/auth/2fa/status", session), 401);

    // The password now yields only a challenge; the code turns it into a session.
    const login = await json<{ mfa_required: boolean; challenge: string; access_token?: string }>(await post("/auth/login", { username: user.username, password: user.password }, opts), 200);
    expect(login.mfa_required).toBe(true);
    expect(login.access_token).toBeUndefined();
    const code = codeFor(setup.secret);
    const verified = await json<Tokens>(await post("/auth/2fa/verify", { challenge: login.challenge, code }, opts), 200);
    const second = { ...opts, token: verified.access_token };
    expect(await json(await call("/auth/2fa/status", second), 200)).toMatchObject({ enabled: true });

    // The challenge is spent, and the same TOTP code is refused on a fresh challenge (replay).
    await expectProblem(await post("/auth/2fa/verify", { challenge: login.challenge, code }, opts), 401);
    const replay = await json<{ challenge: string }>(await post("/auth/login", { username: user.username, password: user.password }, opts), 200);
    expect((await expectProblem(await post("/auth/2fa/verify", { challenge: replay.challenge, code }, opts), 401)).type).toMatch(/invalid-code$/);

    // A backup code works once (typed in lower case, without the hyphen), not twice.
    const backup = confirmed.backup_codes[0]!;
    const viaBackup = await json<Tokens>(await post("/auth/2fa/verify", { challenge: replay.challenge, code: backup.replace("-", "").toLowerCase() }, opts), 200);
    expect(viaBackup.access_token).toBeTruthy();
    const again = await json<{ challenge: string }>(await post("/auth/login", { username: user.username, password: user.password }, opts), 200);
    await expectProblem(await post("/auth/2fa/verify", { challenge: again.challenge, code: backup }, opts), 401);
    expect(await json(await call("/auth/2fa/status", second), 200)).toMatchObject({ backup_codes_left: 9 });

    // Disable needs the password AND a valid code.
    await expectProblem(await post("/auth/2fa/disable", { password: user.password }, second), 422);
    await expectProblem(await post("/auth/2fa/disable", { code: codeFor(setup.secret, 1) }, second), 422);
    await expectProblem(await post("/auth/2fa/disable", { password: "wrong password!", code: codeFor(setup.secret, 1) }, second), 403);
    await expectProblem(await post("/auth/2fa/disable", { password: user.password, code: backup }, second), 401); // spent backup code
    await expectProblem(await post("/auth/2fa/disable", { password: user.password, code }, second), 401); // replayed TOTP
    expect(await json(await call("/auth/2fa/status", second), 200)).toMatchObject({ enabled: true });
    expect(await json(await post("/auth/2fa/disable", { password: user.password, code: confirmed.backup_codes[1]! }, second), 200)).toEqual({ enabled: false });
    expect(await json(await call("/auth/2fa/status", second), 200)).toMatchObject({ enabled: false, backup_codes_left: 0 });

    // Without 2FA the password alone signs in again.
    expect(await json(await post("/auth/login", { username: user.username, password: user.password }, opts), 200)).toHaveProperty("refresh_token");

    // Every step is audited with IP and user agent, and no audit row holds a secret.
    const rows = await withDb(async (db) => {
      const { id } = await db.selectFrom("users").select("id").where("username", "=", user.username).executeTakeFirstOrThrow();
      return (await sql<{ event_type: string; ip: string | null; details: unknown }>`SELECT event_type, host(ip) AS ip, details FROM audit_log WHERE actor_user_id = ${id} ORDER BY occurred_at`.execute(db)).rows;
    });
    const types = new Set(rows.map((r) => r.event_type));
    for (const type of ["user.registered", "user.login", "user.login_failed", "user.logout", "user.2fa_enabled", "user.2fa_failed", "user.backup_code_used", "user.2fa_disabled"]) expect(types).toContain(type);
    expect(rows.every((r) => r.ip === user.ip)).toBe(true);
    const dump = JSON.stringify(rows);
    for (const secret of [user.password, setup.secret, code, backup, confirmed.backup_codes[1]!, first.refresh_token]) expect(dump).not.toContain(secret);
  });

  it("regenerates backup codes only with password and a valid code; the old codes die", async () => {
    const user = await registerWithTwoFactor("regen");
    const { access_token } = await json<Tokens>(await post("/auth/2fa/verify", { challenge: await loginChallenge(user), code: codeFor(user.secret) }, { ip: user.ip }), 200);
    const session = { token: access_token, ip: user.ip };
    await expectProblem(await post("/auth/2fa/backup-codes", { password: user.password }, session), 422);
    await expectProblem(await post("/auth/2fa/backup-codes", { password: "wrong password", code: user.backupCodes[0]! }, session), 403);
    const fresh = await json<{ backup_codes: string[] }>(await post("/auth/2fa/backup-codes", { password: user.password, code: user.backupCodes[0]! }, session), 200);
    expect(fresh.backup_codes).toHaveLength(10);
    expect(fresh.backup_codes.some((c) => user.backupCodes.includes(c))).toBe(false);
    expect(await json(await call("/auth/2fa/status", session), 200)).toMatchObject({ enabled: true, backup_codes_left: 10 });
    await expectProblem(await post("/auth/2fa/verify", { challenge: await loginChallenge(user), code: user.backupCodes[1]! }, { ip: user.ip }), 401);
    expect((await post("/auth/2fa/verify", { challenge: await loginChallenge(user), code: fresh.backup_codes[0]! }, { ip: user.ip })).status).toBe(200);
  });

  it("refuses a second setup while 2FA is on, and a confirm without a pending setup", async () => {
    const user = await registerUser("twice");
    const session = { token: (await loginTokens(user)).access_token, ip: user.ip };
    await expectProblem(await post("/auth/2fa/confirm", { code: "123456" }, session), 409);
    const setup = await json<{ secret: string }>(await post("/auth/2fa/setup", { password: user.password }, session), 200);
    await json(await post("/auth/2fa/confirm", { code: codeFor(setup.secret) }, session), 200);
    await expectProblem(await post("/auth/2fa/setup", { password: user.password }, session), 409);
  });
});
