// A new session for a user who passed every factor: an access token and the first refresh token.
import type { Context } from "hono";
import { ACCESS_TOKEN_SECONDS, signAccessToken } from "@traceo/auth";
import { audit, clientInfo } from "@traceo/session-auth";
import type { AuthContext } from "./app-types.ts";
import { createSession } from "./store/sessions.ts";

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export async function tokenPair(c: Context<AuthContext>, claims: { userId: string; accountId: string; sessionId: string }, refreshToken: string): Promise<TokenPair> {
  return { access_token: await signAccessToken(claims, c.env.AUTH_JWT_SECRET), refresh_token: refreshToken, token_type: "Bearer", expires_in: ACCESS_TOKEN_SECONDS };
}

export async function startSession(c: Context<AuthContext>, user: { id: string; account_id: string }, factors: string[]): Promise<TokenPair> {
  const { sessionId, refreshToken } = await createSession(c.get("services").database().db, user.id, clientInfo(c).userAgent);
  await audit(c, "user.login", { userId: user.id, accountId: user.account_id, details: { session_id: sessionId, factors } });
  return tokenPair(c, { userId: user.id, accountId: user.account_id, sessionId }, refreshToken);
}
