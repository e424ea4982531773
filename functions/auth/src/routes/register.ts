// POST /auth/register {username, email, password, phone?} -> 201 {id, username, account_id}
import { hashPassword } from "@traceo/auth";
import { normaliseEmail } from "@traceo/crypto";
import { problems } from "@traceo/problem";
import { audit, authProblems } from "@traceo/session-auth";
import type { Schema } from "hono";
import type { AuthApp } from "../app-types.ts";
import { registerRoute } from "../api-routes.ts";
import { keyringOf } from "../keyring.ts";
import { createUser } from "../store/users.ts";

export function registerRegister<S extends Schema>(app: AuthApp<S>) {
  return app.openapi(registerRoute, async (c) => {
    const { username, email, password, phone } = c.req.valid("json");
    try {
      normaliseEmail(email);
    } catch {
      throw problems.invalidRequest("`email` must be an email address.", [{ path: "email", message: "wrong form" }]);
    }
    const created = await createUser(c.get("services").database().db, keyringOf(c), { username, email, passwordHash: await hashPassword(password), ...(phone ? { phone } : {}) });
    if (!created.ok) throw authProblems.conflict("That username or email is already registered.");
    await audit(c, "user.registered", { userId: created.user.id, accountId: created.user.account_id });
    return c.json({ id: created.user.id, username: created.user.username, account_id: created.user.account_id }, 201);
  });
}
