// Authenticates a signed-in user: a valid access token whose session is still live. The session
// check costs one indexed read, and makes logout and "log out everywhere" take effect at once
// instead of when the access token expires.
import type { MiddlewareHandler } from "hono";
import { verifyAccessToken, type AccessClaims } from "@traceo/auth";
import type { GatewayVariables } from "@traceo/gateway";
import type { SessionEnv } from "./env.ts";
import { authProblems } from "./problems.ts";

export type SessionVariables = GatewayVariables & { session: AccessClaims };

// The header's shape (one token after Bearer) is checked apart from the token's, so a well-formed
// header with a bad token is told what is wrong with the token, not with the header.
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const API_KEY = /^sk_(?:test|live)_/;

const NOT_A_SESSION =
  "An API key is not a session token: sign-in and key management need an access token. Sign in (POST /auth/login) to get one and send it as `Authorization: Bearer <access_token>`.";
const INVALID_TOKEN = "The access token is not valid or has expired; refresh it or sign in again.";

export function requireSession(): MiddlewareHandler<{ Bindings: SessionEnv; Variables: SessionVariables }> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw authProblems.sessionRequired(c.req.header("x-api-key") !== undefined ? NOT_A_SESSION : undefined);
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw authProblems.sessionRequired("The Authorization header must be `Bearer <access_token>`.");
    if (API_KEY.test(token)) throw authProblems.sessionRequired(NOT_A_SESSION);
    const claims = JWT.test(token) ? await verifyAccessToken(token, c.env.AUTH_JWT_SECRET) : undefined;
    if (!claims) throw authProblems.sessionRequired(INVALID_TOKEN);
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
