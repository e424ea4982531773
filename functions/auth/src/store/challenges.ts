// Login challenges: what the password step of a 2FA login yields. Bound to one user, alive for
// 5 minutes, at most 5 code attempts (reserved atomically, so racing requests cannot exceed it),
// consumed once.
import { sql, type Kysely } from "kysely";
import { hashOpaqueToken, newOpaqueToken } from "@traceo/auth";
import { newId, type Database } from "@traceo/db";

export const CHALLENGE_SECONDS = 5 * 60;
export const CHALLENGE_MAX_ATTEMPTS = 5;

export async function createChallenge(db: Kysely<Database>, userId: string): Promise<string> {
  const token = newOpaqueToken("chl");
  await db
    .insertInto("login_challenges")
    .values({ id: newId("chl"), user_id: userId, token_hash: await hashOpaqueToken(token), expires_at: sql<Date>`now() + make_interval(secs => ${CHALLENGE_SECONDS})` })
    .execute();
  return token;
}

/** The challenge when it can still take an attempt, else undefined. */
export async function findLiveChallenge(db: Kysely<Database>, token: string): Promise<{ id: string; userId: string } | undefined> {
  const row = await db
    .selectFrom("login_challenges")
    .select(["id", "user_id"])
    .where("token_hash", "=", await hashOpaqueToken(token))
    .where("consumed_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .where("attempts", "<", CHALLENGE_MAX_ATTEMPTS)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id };
}

/** Takes one of the challenge's attempts; false when none is left (or it expired or was used). */
export async function reserveAttempt(db: Kysely<Database>, challengeId: string): Promise<boolean> {
  const row = await db
    .updateTable("login_challenges")
    .set({ attempts: sql`attempts + 1` })
    .where("id", "=", challengeId)
    .where("consumed_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .where("attempts", "<", CHALLENGE_MAX_ATTEMPTS)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function consumeChallenge(db: Kysely<Database>, challengeId: string): Promise<boolean> {
  const row = await db.updateTable("login_challenges").set({ consumed_at: sql`now()` }).where("id", "=", challengeId).where("consumed_at", "is", null).returning("id").executeTakeFirst();
  return row !== undefined;
}
