// Short-lived access tokens: HS256 JWTs signed with WebCrypto (hono/jwt). They name the session, so
// a revoked session stops its access tokens at the next request (the middleware checks it).
import { sign, verify } from "hono/jwt";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = "traceo-auth";
const MIN_SECRET_CHARS = 32;

export interface AccessClaims {
  userId: string;
  accountId: string;
  sessionId: string;
}

function checkSecret(secret: string | undefined): string {
  if (typeof secret !== "string" || secret.length < MIN_SECRET_CHARS) throw new Error(`AUTH_JWT_SECRET must be set to at least ${MIN_SECRET_CHARS} characters`);
  return secret;
}

export async function signAccessToken(claims: AccessClaims, secret: string | undefined, nowMs = Date.now()): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return sign(
    { iss: ISSUER, typ: "access", sub: claims.userId, acc: claims.accountId, sid: claims.sessionId, iat, exp: iat + ACCESS_TOKEN_SECONDS },
    checkSecret(secret),
    "HS256",
  );
}

/** The claims, or undefined for anything forged, expired, malformed or of another type. */
export async function verifyAccessToken(token: string, secret: string | undefined): Promise<AccessClaims | undefined> {
  const key = checkSecret(secret);
  try {
    const payload = await verify(token, key, { alg: "HS256", iss: ISSUER });
    if (payload.typ !== "access" || typeof payload.sub !== "string" || typeof payload.acc !== "string" || typeof payload.sid !== "string") return undefined;
    return { userId: payload.sub, accountId: payload.acc, sessionId: payload.sid };
  } catch {
    return undefined;
  }
}
