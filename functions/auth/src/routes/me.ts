// GET /auth/me -> the signed-in user's profile, email and phone decrypted for them only.
// PATCH /auth/me {phone: "+44 20 7946 0958" | null} -> the updated profile (the phone is the only
// field changed here; it is normalised to E.164 and stored encrypted).
import { problems } from "@traceo/problem";
import { audit, authProblems, optionalString, readJsonObject, requireSession } from "@traceo/session-auth";
import type { AuthApp } from "../app-types.ts";
import { PHONE } from "../input-rules.ts";
import { keyringOf } from "../keyring.ts";
import { phoneFrom } from "../phone-field.ts";
import { readProfile, setPhone } from "../store/users.ts";

const CHANGEABLE = ["phone"];

export function registerMe(app: AuthApp): void {
  app.get("/auth/me", requireSession(), async (c) => {
    const profile = await readProfile(c.get("services").database().db, keyringOf(c), c.get("session").userId);
    if (!profile) throw authProblems.sessionRequired("This session has ended; sign in again.");
    return c.json(profile);
  });

  app.patch("/auth/me", requireSession(), async (c) => {
    const body = await readJsonObject(c);
    const unknown = Object.keys(body).filter((k) => !CHANGEABLE.includes(k));
    if (unknown.length > 0) throw problems.invalidRequest(`Only \`phone\` can be changed here (got ${unknown.map((k) => `\`${k.slice(0, 40)}\``).join(", ")}).`, unknown.map((k) => ({ path: k.slice(0, 40), message: "not changeable" })));
    if (!("phone" in body)) throw problems.invalidRequest("Send `phone`: a number with its country code, or null to remove it.", [{ path: "phone", message: "required" }]);
    const phone = phoneFrom(optionalString(body, "phone", PHONE)) ?? null;
    const { userId, accountId } = c.get("session");
    const { db } = c.get("services").database();
    await setPhone(db, keyringOf(c), userId, phone);
    await audit(c, "user.phone_changed", { userId, accountId, details: { removed: phone === null } });
    return c.json(await readProfile(db, keyringOf(c), userId));
  });
}
