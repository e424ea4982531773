// The signed-in account's own API keys. Every query is scoped by account id, so one user can never
// see or touch another account's key, whatever id they send.
import { sql, type Kysely } from "kysely";
import type { Redis } from "@upstash/redis";
import type { Database } from "@traceo/db";
import { forgetKeys, markKeysRevoked } from "@traceo/gateway";
import { errorText, logEvent } from "@traceo/http-hygiene";
import { problems } from "@traceo/problem";

export const KEY_ID = /^key_[0-9A-HJKMNP-TV-Z]{26}$/;

export async function accountName(db: Kysely<Database>, accountId: string): Promise<string> {
  return (await db.selectFrom("accounts").select("name").where("id", "=", accountId).executeTakeFirstOrThrow()).name;
}

export async function accountPlan(db: Kysely<Database>, accountId: string): Promise<"free" | "pro" | "enterprise"> {
  return (await db.selectFrom("accounts").select("plan").where("id", "=", accountId).executeTakeFirstOrThrow()).plan;
}

export async function listAccountKeys(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "display_prefix", "environment", "tier", "scopes", "created_at", "last_used_at", "expires_at", "revoked_at"])
    .where("account_id", "=", accountId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Locks the row (inside a transaction) so two concurrent rolls of one key cannot both succeed. */
export async function lockAccountKey(db: Kysely<Database>, accountId: string, id: string) {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "key_hash", "environment", "tier", "scopes", "expires_at", "revoked_at"])
    .where("account_id", "=", accountId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** Revokes now; returns the hash to drop from the gateway's cache, or undefined if it was not live. */
export async function revokeAccountKey(db: Kysely<Database>, accountId: string, id: string): Promise<string | undefined> {
  const row = await db
    .updateTable("api_keys")
    .set({ revoked_at: sql`now()` })
    .where("account_id", "=", accountId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning("key_hash")
    .executeTakeFirst();
  return row?.key_hash;
}

/** The old key of a roll stops at now + grace (or its own earlier expiry); grace 0 revokes it now. */
export async function endKeyAfterGrace(db: Kysely<Database>, accountId: string, id: string, graceSeconds: number): Promise<Date | null> {
  if (graceSeconds === 0) {
    await revokeAccountKey(db, accountId, id);
    return new Date();
  }
  const row = await db
    .updateTable("api_keys")
    .set({ expires_at: sql`least(coalesce(expires_at, 'infinity'::timestamptz), now() + make_interval(secs => ${graceSeconds}))` })
    .where("account_id", "=", accountId)
    .where("id", "=", id)
    .returning("expires_at")
    .executeTakeFirstOrThrow();
  return row.expires_at;
}

/**
 * Inside the revoking transaction: drop the gateway's cached copy, or fail so the transaction rolls
 * back. Key management fails closed: a revocation the cache would not see is not answered 204.
 */
export async function evictCachedKeysOrFail(redis: Redis, keyHashes: string[]): Promise<void> {
  try {
    await forgetKeys(redis, keyHashes);
  } catch (err) {
    logEvent("error", "key cache unavailable; key change refused", { error: errorText(err) });
    throw problems.serviceUnavailable("API key changes cannot be applied right now (the key cache is unreachable); nothing was changed.", 5);
  }
}

/**
 * After the commit: a revoked key gets a tombstone, a rolled one (still in its grace period) is
 * dropped again, so a lookup that raced the transaction cannot keep the old record cached.
 */
export async function settleCachedKeys(redis: Redis, keyHashes: string[], revoked: boolean): Promise<void> {
  try {
    await (revoked ? markKeysRevoked(redis, keyHashes) : forgetKeys(redis, keyHashes));
  } catch (err) {
    logEvent("error", "key cache not settled after commit", { error: errorText(err) });
  }
}

/** Revokes in a transaction that only commits once the cached copy is gone. */
export async function revokeAccountKeyEverywhere(db: Kysely<Database>, redis: Redis, accountId: string, id: string): Promise<string | undefined> {
  const hash = await db.transaction().execute(async (trx) => {
    const revoked = await revokeAccountKey(trx, accountId, id);
    if (revoked !== undefined) await evictCachedKeysOrFail(redis, [revoked]);
    return revoked;
  });
  if (hash !== undefined) await settleCachedKeys(redis, [hash], true);
  return hash;
}
