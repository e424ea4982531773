// Key records cached in Redis for a minute, so bursts (and floods of unknown keys) do not open a
// Postgres connection per request. Revocation deletes the entry (see `forgetKey`).
import type { Redis } from "@upstash/redis";
import type { ApiKeyRecord } from "@traceo/db";

const TTL_SECONDS = 60;
const UNKNOWN_TTL_SECONDS = 30;
export const keyCacheKey = (keyHash: string) => `traceo:key:${keyHash}`;

type Cached = { unknown: true } | (Omit<ApiKeyRecord, "expires_at" | "revoked_at"> & { expires_at: string | null; revoked: boolean });

// Concurrent misses for one key in this isolate share one database read (a burst on a cold key
// would otherwise open a Postgres connection per request).
const loading = new Map<string, Promise<ApiKeyRecord | undefined>>();

function loadOnce(keyHash: string, load: () => Promise<ApiKeyRecord | undefined>): Promise<ApiKeyRecord | undefined> {
  let pending = loading.get(keyHash);
  if (!pending) {
    pending = load().finally(() => loading.delete(keyHash));
    loading.set(keyHash, pending);
  }
  return pending;
}

export async function lookupKey(
  redis: Redis,
  keyHash: string,
  loadFromDatabase: () => Promise<ApiKeyRecord | undefined>,
): Promise<{ record: ApiKeyRecord | undefined; fromCache: boolean }> {
  const cached = await redis.get<Cached>(keyCacheKey(keyHash));
  if (cached) {
    if ("unknown" in cached) return { record: undefined, fromCache: true };
    const { revoked, expires_at, ...rest } = cached;
    return {
      record: { ...rest, expires_at: expires_at ? new Date(expires_at) : null, revoked_at: revoked ? new Date(0) : null },
      fromCache: true,
    };
  }
  const record = await loadOnce(keyHash, loadFromDatabase);
  const value: Cached = record
    ? { ...record, expires_at: record.expires_at ? new Date(record.expires_at).toISOString() : null, revoked: record.revoked_at !== null }
    : { unknown: true };
  await redis.set(keyCacheKey(keyHash), value, { ex: record ? TTL_SECONDS : UNKNOWN_TTL_SECONDS });
  return { record, fromCache: false };
}

export async function forgetKeys(redis: Redis, keyHashes: string[]): Promise<void> {
  if (keyHashes.length > 0) await redis.del(...keyHashes.map(keyCacheKey));
}
