// API key rows: created with only a hash and a display prefix; the key itself is never stored.
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";
import { newId } from "./ids.ts";

export interface ApiKeyRecord {
  id: string;
  account_id: string;
  tier: "free" | "pro" | "enterprise";
  environment: "test" | "live";
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
}

export async function findApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<ApiKeyRecord | undefined> {
  return db
    .selectFrom("api_keys")
    .select(["id", "account_id", "tier", "environment", "scopes", "expires_at", "revoked_at"])
    .where("key_hash", "=", keyHash)
    .executeTakeFirst();
}

export async function findOrCreateAccount(db: Kysely<Database>, name: string): Promise<string> {
  const existing = await db.selectFrom("accounts").select("id").where("name", "=", name).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId("acc");
  const inserted = await db
    .insertInto("accounts")
    .values({ id, name })
    .onConflict((oc) => oc.column("name").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return inserted.id;
  return (await db.selectFrom("accounts").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

export interface NewApiKeyRow {
  accountId: string;
  name: string;
  keyHash: string;
  displayPrefix: string;
  environment: "test" | "live";
  tier: "free" | "pro" | "enterprise";
  scopes?: string[];
  expiresAt?: Date | null;
}

export async function insertApiKey(db: Kysely<Database>, row: NewApiKeyRow): Promise<{ id: string; created_at: Date }> {
  return db
    .insertInto("api_keys")
    .values({
      id: newId("key"),
      account_id: row.accountId,
      name: row.name,
      key_hash: row.keyHash,
      display_prefix: row.displayPrefix,
      environment: row.environment,
      tier: row.tier,
      ...(row.scopes ? { scopes: row.scopes } : {}),
      expires_at: row.expiresAt ?? null,
    })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function listApiKeys(db: Kysely<Database>) {
  return db
    .selectFrom("api_keys")
    .innerJoin("accounts", "accounts.id", "api_keys.account_id")
    .select([
      "api_keys.id",
      "api_keys.name",
      "accounts.name as account",
      "api_keys.display_prefix",
      "api_keys.environment",
      "api_keys.tier",
      "api_keys.scopes",
      "api_keys.created_at",
      "api_keys.last_used_at",
      "api_keys.expires_at",
      "api_keys.revoked_at",
    ])
    .orderBy("api_keys.created_at")
    .execute();
}

/** Revokes by id or display prefix; returns the hashes revoked so caches can drop them. */
export async function revokeApiKey(db: Kysely<Database>, idOrPrefix: string): Promise<string[]> {
  const rows = await db
    .updateTable("api_keys")
    .set({ revoked_at: new Date() })
    .where((eb) => eb.or([eb("id", "=", idOrPrefix), eb("display_prefix", "=", idOrPrefix)]))
    .where("revoked_at", "is", null)
    .returning("key_hash")
    .execute();
  return rows.map((r) => r.key_hash);
}

export async function touchApiKey(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: new Date() }).where("id", "=", id).execute();
}
