// Sensitive changes to a signed-in account (2FA setup, disable, new backup codes) ask for the
// password again; wrong guesses count against the same failed-login limits as /auth/login.
import type { Context } from "hono";
import { verifyPassword } from "@traceo/auth";
import { audit, authProblems, clientInfo } from "@traceo/session-auth";
import type { AuthContext } from "./app-types.ts";
import { loginBlockedFor, recordLoginFailure } from "./login-limits.ts";
import { findUserById, type UserRow } from "./store/users.ts";

export async function reauthenticate(c: Context<AuthContext>, password: string, purpose: string): Promise<UserRow> {
  const services = c.get("services");
  const user = await findUserById(services.database().db, c.get("session").userId);
  if (!user) throw authProblems.sessionRequired("This account no longer exists.");
  const subject = { identifier: user.username, ip: clientInfo(c).ip, userId: user.id };
  const wait = await loginBlockedFor(services.redis(), subject);
  if (wait > 0) throw authProblems.tooManyAttempts(wait, "Too many wrong passwords; wait and try again.");
  if (!(await verifyPassword(password, user.password_hash)).ok) {
    await recordLoginFailure(services.redis(), subject);
    await audit(c, "user.login_failed", { userId: user.id, accountId: user.account_id, details: { reason: "password", purpose } });
    throw authProblems.wrongPassword();
  }
  return user;
}
