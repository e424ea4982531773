// Operator-side key management: create (the key is returned once), list, revoke.
import { displayPrefix, generateApiKey, hashApiKey, TIERS, type KeyEnvironment, type Tier } from "@traceo/api-keys";
import { findOrCreateAccount, insertApiKey, listApiKeys, revokeApiKey, type Database } from "@traceo/db";
import type { Kysely } from "kysely";

export interface CreatedApiKey {
  key: string;
  id: string;
  name: string;
  account: string;
  account_id: string;
  prefix: string;
  environment: KeyEnvironment;
  tier: Tier;
  limits: (typeof TIERS)[Tier];
  scopes: string[];
  created_at: string;
  expires_at: string | null;
}

export interface CreateApiKeyInput {
  name: string;
  tier: Tier;
  account?: string;
  environment?: KeyEnvironment;
  scopes?: string[];
  expiresAt?: Date | null;
}

export const DEFAULT_SCOPES = ["analyze:email", "analyze:url", "reports:read"];

export async function createApiKeyRow(db: Kysely<Database>, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const environment = input.environment ?? "test";
  const key = generateApiKey(environment);
  const accountName = input.account ?? "default";
  const accountId = await findOrCreateAccount(db, accountName);
  const scopes = input.scopes ?? DEFAULT_SCOPES;
  const row = await insertApiKey(db, {
    accountId,
    name: input.name,
    keyHash: await hashApiKey(key),
    displayPrefix: displayPrefix(key),
    environment,
    tier: input.tier,
    scopes,
    expiresAt: input.expiresAt ?? null,
  });
  return {
    key,
    id: row.id,
    name: input.name,
    account: accountName,
    account_id: accountId,
    prefix: displayPrefix(key),
    environment,
    tier: input.tier,
    limits: TIERS[input.tier],
    scopes,
    created_at: new Date(row.created_at).toISOString(),
    expires_at: input.expiresAt ? input.expiresAt.toISOString() : null,
  };
}

export { listApiKeys, revokeApiKey };
