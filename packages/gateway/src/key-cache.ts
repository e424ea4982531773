// Key records cached in Redis for a minute, so bursts (and floods of unknown keys) do not open a
// Postgres connection per request. Revocation writes a tombstone (`markKeysRevoked`) and entries
// are only ever added with NX, so a lookup that read the database just before a revocation
// committed cannot put the live record back over the tombstone.
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
  if (cached) return { record: fromCached(cached), fromCache: true };
  const record = await loadOnce(keyHash, loadFromDatabase);
  const value: Cached = record
    ? { ...record, expires_at: record.expires_at ? new Date(record.expires_at).toISOString() : null, revoked: record.revoked_at !== null }
    : { unknown: true };
  const stored = await redis.set(keyCacheKey(keyHash), value, { ex: record ? TTL_SECONDS : UNKNOWN_TTL_SECONDS, nx: true });
  if (stored === null) {
    // Someone wrote first; a tombstone written by a revocation must win over what we read.
    const winner = await redis.get<Cached>(keyCacheKey(keyHash));
    if (winner) return { record: fromCached(winner), fromCache: true };
  }
  return { record, fromCache: false };
}

function fromCached(cached: Cached): ApiKeyRecord | undefined {
  if ("unknown" in cached) return undefined;
  const { revoked, expires_at, ...rest } = cached;
  return { ...rest, expires_at: expires_at ? new Date(expires_at) : null, revoked_at: revoked ? new Date(0) : null };
}

/** Drops cached records, so the next request reads the database (a roll's new expiry, say). */
export async function forgetKeys(redis: Redis, keyHashes: string[]): Promise<void> {
  if (keyHashes.length > 0) await redis.del(...keyHashes.map(keyCacheKey));
}

/** After a revocation committed: the keys answer 401 from the cache at once, whatever races it. */
export async function markKeysRevoked(redis: Redis, keyHashes: string[]): Promise<void> {
  await Promise.all(keyHashes.map((hash) => redis.set<Cached>(keyCacheKey(hash), { unknown: true }, { ex: TTL_SECONDS })));
}
