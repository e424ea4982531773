// Authenticates a signed-in user: a valid access token whose session is still live. The session
// check costs one indexed read, and makes logout and "log out everywhere" take effect at once
// instead of when the access token expires.
import type { MiddlewareHandler } from "hono";
import { verifyAccessToken, type AccessClaims } from "@traceo/auth";
import type { GatewayVariables } from "@traceo/gateway";
import type { SessionEnv } from "./env.ts";
import { authProblems } from "./problems.ts";

export type SessionVariables = GatewayVariables & { session: AccessClaims };

const BEARER = /^Bearer[ \t]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)[ \t]*$/i;

export function requireSession(): MiddlewareHandler<{ Bindings: SessionEnv; Variables: SessionVariables }> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw authProblems.sessionRequired();
    const match = BEARER.exec(header);
    if (!match) throw authProblems.sessionRequired("The Authorization header must be `Bearer <access_token>`.");
    const claims = await verifyAccessToken(match[1]!, c.env.AUTH_JWT_SECRET);
    if (!claims) throw authProblems.sessionRequired("The access token is not valid or has expired; refresh it or sign in again.");
    const live = await c
      .get("services")
      .database()
      .db.selectFrom("auth_sessions")
      .select("id")
      .where("id", "=", claims.sessionId)
      .where("user_id", "=", claims.userId)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", new Date())
      .executeTakeFirst();
    if (!live) throw authProblems.sessionRequired("This session has ended; sign in again.");
    c.set("session", claims);
    await next();
  };
}
