// POST /auth/login {username | email, password} -> tokens, or {mfa_required, challenge} with 2FA on.
// Every failure is the same 401 whatever the reason (unknown name, wrong password), and an unknown
// name spends the same argon2 time as a known one.
import { burnPasswordCheck, hashPassword, verifyPassword } from "@traceo/auth";
import { audit, authProblems, clientInfo } from "@traceo/session-auth";
import type { Schema } from "hono";
import type { AuthApp } from "../app-types.ts";
import { loginRoute } from "../api-routes.ts";
import { startSession } from "../issue-tokens.ts";
import { keyringOf } from "../keyring.ts";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "../login-limits.ts";
import { CHALLENGE_SECONDS, createChallenge } from "../store/challenges.ts";
import { findUserForLogin, updatePasswordHash } from "../store/users.ts";

export function registerLogin<S extends Schema>(app: AuthApp<S>) {
  return app.openapi(loginRoute, async (c) => {
    const { username, email, password } = c.req.valid("json");
    const identifier = (email ?? username)!; // the schema asks for exactly one of them

    const services = c.get("services");
    const db = services.database().db;
    const user = await findUserForLogin(db, keyringOf(c), identifier);
    const subject = { identifier, ip: clientInfo(c).ip, ...(user ? { userId: user.id } : {}) };
    const wait = await loginBlockedFor(services.redis(), subject);
    if (wait > 0) throw authProblems.tooManyAttempts(wait, "Too many failed sign-ins for this account or address; wait and try again.");

    const check = user ? await verifyPassword(password, user.password_hash) : (await burnPasswordCheck(password), { ok: false, needsRehash: false });
    if (!user || !check.ok) {
      await recordLoginFailure(services.redis(), subject);
      await audit(c, "user.login_failed", { userId: user?.id ?? null, accountId: user?.account_id ?? null, details: { reason: "password" } });
      throw authProblems.invalidCredentials();
    }
    await clearLoginFailures(services.redis(), subject);
    if (check.needsRehash) await updatePasswordHash(db, user.id, await hashPassword(password));

    if (user.totp_enabled_at) {
      const challenge = await createChallenge(db, user.id);
      return c.json({ mfa_required: true, challenge, expires_in: CHALLENGE_SECONDS, methods: ["totp", "backup_code"] });
    }
    return c.json(await startSession(c, user, ["password"]));
  });
}
