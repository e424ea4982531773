// A Kysely handle over the Neon serverless driver's Pool. Workers may not share I/O objects across
// requests, so each request makes its own handle and closes it when the request ends.
import { Pool, neonConfig } from "@neondatabase/serverless";
import { Kysely, PostgresDialect } from "kysely";
import type { Database } from "./schema.ts";
import { failingAsUnavailable } from "./unavailable.ts";

export interface DatabaseSettings {
  DATABASE_URL: string;
  /**
   * Local development only: `host:port/path` of a WebSocket-to-TCP proxy in front of a plain
   * Postgres (Neon's own servers speak WebSocket natively, so production leaves this unset).
   */
  NEON_WS_PROXY?: string;
}

let configuredProxy: string | undefined;

function configureDriver(proxy: string | undefined): void {
  if (proxy === configuredProxy) return;
  configuredProxy = proxy;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  close(): Promise<void>;
}

export function openDatabase(settings: DatabaseSettings): DatabaseHandle {
  configureDriver(settings.NEON_WS_PROXY);
  const pool = new Pool({ connectionString: settings.DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
  // An idle client that dies (server restart, dropped socket) must not crash the isolate.
  pool.on("error", () => {});
  // An unreachable database or a connection dropped mid-request answers 503, not 500; a
  // transaction cut short is rolled back by Postgres, so it leaves no half-written rows.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: failingAsUnavailable(pool) }) });
  return { db, close: () => db.destroy() };
}
