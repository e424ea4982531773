// Per-request service handles, created lazily so a request refused early opens nothing.
import type { Context, MiddlewareHandler } from "hono";
import { Redis } from "@upstash/redis/cloudflare";
import { loadKeyring, type Keyring } from "@traceo/crypto";
import { openDatabase, type DatabaseHandle } from "@traceo/db";
import { problems } from "@traceo/problem";
import { missingSettings, redisTimeoutMs, type GatewayEnv } from "./env.ts";

export interface Services {
  database(): DatabaseHandle;
  redis(): Redis;
  keyring: Keyring;
}

export type GatewayVariables = {
  services: Services;
  requestId: string;
  apiKey: { id: string; accountId: string; tier: "free" | "pro" | "enterprise"; scopes: string[] };
};

export function provideServices(): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: GatewayVariables }> {
  return async (c, next) => {
    const missing = missingSettings(c.env);
    if (missing.length > 0) {
      console.error(JSON.stringify({ level: "error", msg: "missing settings", missing }));
      throw problems.serviceUnavailable(`The service is not configured (missing: ${missing.join(", ")}).`, 60);
    }
    // A keyring we cannot use means we could write data nobody can read back: refuse to serve.
    // loadKeyring caches per secret, so this costs nothing after the isolate's first request.
    let keyring: Keyring;
    try {
      keyring = loadKeyring(c.env.TRACEO_ENCRYPTION_KEYS);
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: "encryption keyring unusable", error: err instanceof Error ? err.message : "invalid" }));
      throw problems.serviceUnavailable("The service is not configured: TRACEO_ENCRYPTION_KEYS is not a valid keyring.", 60);
    }
    let database: DatabaseHandle | undefined;
    let redis: Redis | undefined;
    c.set("services", {
      keyring,
      database: () => (database ??= openDatabase(c.env)),
      redis: () =>
        (redis ??= new Redis({
          url: c.env.UPSTASH_REDIS_REST_URL,
          token: c.env.UPSTASH_REDIS_REST_TOKEN,
          enableAutoPipelining: true,
          retry: false,
          // Every command (limits, key cache, login limits, evictions) gives up at the deadline, so a
          // slow or dead Redis costs a request at most RATE_LIMIT_TIMEOUT_MS, never a hang.
          signal: () => AbortSignal.timeout(redisTimeoutMs(c.env)),
        })),
    });
    try {
      await next();
    } finally {
      if (database) closeAfterResponse(c, database);
    }
  };
}

function closeAfterResponse(c: Context, database: DatabaseHandle): void {
  const closing = database.close().catch(() => {});
  try {
    c.executionCtx.waitUntil(closing);
  } catch {
    // No execution context (plain app.request in tests): the promise still runs.
  }
}
