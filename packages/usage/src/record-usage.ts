// Records one api_key_usage row per request that carried a valid API key, after the response:
// the write runs in waitUntil, batched with other requests of the same isolate, and a failure is
// logged, never surfaced to the client.
import type { MiddlewareHandler } from "hono";
import { insertUsageRows, openDatabase, type DatabaseSettings, type UsageRow } from "@traceo/db";
import { UsageBuffer } from "./usage-buffer.ts";

export interface RecordUsageOptions {
  /** How long the first row waits for others to join its INSERT. */
  batchDelayMs?: number;
  /** A buffer this full is written at once. */
  maxBatchRows?: number;
}

type UsageVariables = { apiKey?: { id: string; accountId: string }; requestId?: string };

let shared: UsageBuffer | undefined;

export function recordUsage(options: RecordUsageOptions = {}): MiddlewareHandler<{ Bindings: DatabaseSettings; Variables: UsageVariables }> {
  const buffer = (shared ??= new UsageBuffer(options.batchDelayMs ?? 25, options.maxBatchRows ?? 500));
  return async (c, next) => {
    const started = Date.now();
    await next();
    const key = c.get("apiKey");
    if (!key) return; // no authenticated key (401, 404 before auth, ...): nothing to attribute
    const row: UsageRow = {
      occurredAt: new Date(started),
      apiKeyId: key.id,
      accountId: key.accountId,
      method: c.req.method,
      endpoint: c.req.routePath || new URL(c.req.url).pathname,
      status: c.res.status,
      latencyMs: Date.now() - started,
    };
    const env = c.env;
    const flushing = buffer.add(row, {
      // Its own connection: the request's handle is closed once the response is out.
      write: async (rows) => {
        const handle = openDatabase(env);
        try {
          await insertUsageRows(handle.db, rows);
        } catch (err) {
          console.error(JSON.stringify({ level: "error", msg: "usage rows not written", rows: rows.length, requestId: c.get("requestId"), error: String(err) }));
        } finally {
          await handle.close().catch(() => {});
        }
      },
    });
    if (!flushing) return;
    try {
      c.executionCtx.waitUntil(flushing);
    } catch {
      // No execution context (app.request in tests): the promise still runs on its own.
    }
  };
}
