// Sessions and their rotating refresh tokens. Exchanging a token is one conditional UPDATE (used_at
// IS NULL), so of two concurrent exchanges exactly one wins; a token that was already used means it
// leaked, and the whole session (the token family) is revoked.
import { sql, type Kysely } from "kysely";
import { hashOpaqueToken, newOpaqueToken } from "@traceo/auth";
import { newId, type Database } from "@traceo/db";

export const SESSION_DAYS = 30;
type RevokeReason = "logout" | "logout_everywhere" | "refresh_reuse" | "2fa_changed";

export interface NewSession {
  sessionId: string;
  refreshToken: string;
}

export async function createSession(db: Kysely<Database>, userId: string, userAgent: string | null): Promise<NewSession> {
  const sessionId = newId("ses");
  const refreshToken = newOpaqueToken("rt");
  const tokenHash = await hashOpaqueToken(refreshToken);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("auth_sessions")
      .values({ id: sessionId, user_id: userId, expires_at: sql<Date>`now() + make_interval(days => ${SESSION_DAYS})`, user_agent: userAgent })
      .execute();
    await trx.insertInto("refresh_tokens").values({ id: newId("rtk"), session_id: sessionId, token_hash: tokenHash }).execute();
  });
  return { sessionId, refreshToken };
}

export type RotateResult =
  | { kind: "rotated"; userId: string; accountId: string; sessionId: string; refreshToken: string }
  | { kind: "reused"; userId: string; sessionId: string }
  | { kind: "invalid" };

export async function rotateRefreshToken(db: Kysely<Database>, presented: string): Promise<RotateResult> {
  const tokenHash = await hashOpaqueToken(presented);
  const next = newOpaqueToken("rt");
  const nextHash = await hashOpaqueToken(next);
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("refresh_tokens")
      .set({ used_at: sql`now()` })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .returning("session_id")
      .executeTakeFirst();
    if (!spent) {
      const known = await trx
        .selectFrom("refresh_tokens")
        .innerJoin("auth_sessions", "auth_sessions.id", "refresh_tokens.session_id")
        .select(["auth_sessions.id", "auth_sessions.user_id"])
        .where("refresh_tokens.token_hash", "=", tokenHash)
        .executeTakeFirst();
      if (!known) return { kind: "invalid" };
      await revokeSession(trx, known.id, "refresh_reuse");
      return { kind: "reused", userId: known.user_id, sessionId: known.id };
    }
    const session = await trx
      .selectFrom("auth_sessions")
      .innerJoin("users", "users.id", "auth_sessions.user_id")
      .select(["auth_sessions.id", "auth_sessions.user_id", "users.account_id"])
      .where("auth_sessions.id", "=", spent.session_id)
      .where("auth_sessions.revoked_at", "is", null)
      .where("auth_sessions.expires_at", ">", sql<Date>`now()`)
      .executeTakeFirst();
    if (!session) return { kind: "invalid" };
    await trx.insertInto("refresh_tokens").values({ id: newId("rtk"), session_id: session.id, token_hash: nextHash }).execute();
    return { kind: "rotated", userId: session.user_id, accountId: session.account_id, sessionId: session.id, refreshToken: next };
  });
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, reason: RevokeReason): Promise<void> {
  await db.updateTable("auth_sessions").set({ revoked_at: sql`now()`, revoked_reason: reason }).where("id", "=", sessionId).where("revoked_at", "is", null).execute();
}

export async function revokeAllSessions(db: Kysely<Database>, userId: string, reason: RevokeReason): Promise<number> {
  const rows = await db
    .updateTable("auth_sessions")
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .returning("id")
    .execute();
  return rows.length;
}
