// GET /auth/me -> the signed-in user's profile, email and phone decrypted for them only.
// PATCH /auth/me {phone: "+44 20 7946 0958" | null} -> the updated profile (the phone is the only
// field changed here; the schema normalises it to E.164 and it is stored encrypted).
import { audit, authProblems } from "@traceo/session-auth";
import type { Schema } from "hono";
import type { AuthApp } from "../app-types.ts";
import { meRoute, updateMeRoute } from "../api-routes.ts";
import { keyringOf } from "../keyring.ts";
import { readProfile, setPhone } from "../store/users.ts";

export function registerMe<S extends Schema>(app: AuthApp<S>) {
  return app
    .openapi(meRoute, async (c) => {
      const profile = await readProfile(c.get("services").database().db, keyringOf(c), c.get("session").userId);
      if (!profile) throw authProblems.sessionRequired("This session has ended; sign in again.");
      return c.json(profile, 200);
    })
    .openapi(updateMeRoute, async (c) => {
      const { phone } = c.req.valid("json");
      const { userId, accountId } = c.get("session");
      const { db } = c.get("services").database();
      await setPhone(db, keyringOf(c), userId, phone);
      await audit(c, "user.phone_changed", { userId, accountId, details: { removed: phone === null } });
      const profile = await readProfile(db, keyringOf(c), userId);
      if (!profile) throw authProblems.sessionRequired("This session has ended; sign in again.");
      return c.json(profile, 200);
    });
}
