// POST /auth/refresh {refresh_token} -> a new token pair (the old refresh token is spent; presenting
// it again revokes the session). POST /auth/logout and /auth/logout-everywhere end sessions.
import { looksLikeOpaqueToken } from "@traceo/auth";
import { audit, authProblems } from "@traceo/session-auth";
import type { Schema } from "hono";
import type { AuthApp } from "../app-types.ts";
import { logoutEverywhereRoute, logoutRoute, refreshRoute } from "../api-routes.ts";
import { tokenPair } from "../issue-tokens.ts";
import { revokeAllSessions, revokeSession, rotateRefreshToken } from "../store/sessions.ts";

export function registerSessions<S extends Schema>(app: AuthApp<S>) {
  const app1 = app.openapi(refreshRoute, async (c) => {
    const presented = c.req.valid("json").refresh_token;
    if (!looksLikeOpaqueToken("rt", presented)) throw authProblems.invalidRefreshToken();
    const result = await rotateRefreshToken(c.get("services").database().db, presented);
    if (result.kind === "reused") {
      await audit(c, "user.refresh_reuse", { userId: result.userId, details: { session_id: result.sessionId } });
      throw authProblems.invalidRefreshToken();
    }
    if (result.kind === "invalid") throw authProblems.invalidRefreshToken();
    return c.json(await tokenPair(c, result, result.refreshToken));
  });

  const app2 = app1.openapi(logoutRoute, async (c) => {
    const { sessionId, userId, accountId } = c.get("session");
    await revokeSession(c.get("services").database().db, sessionId, "logout");
    await audit(c, "user.logout", { userId, accountId, details: { session_id: sessionId } });
    return c.body(null, 204);
  });

  return app2.openapi(logoutEverywhereRoute, async (c) => {
    const { userId, accountId } = c.get("session");
    const ended = await revokeAllSessions(c.get("services").database().db, userId, "logout_everywhere");
    await audit(c, "user.logout_everywhere", { userId, accountId, details: { sessions_ended: ended } });
    return c.body(null, 204);
  });
}
