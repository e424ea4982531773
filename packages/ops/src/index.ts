// Node-side operations used by the CLIs, the dev launcher and the test harness.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Tier, KeyEnvironment } from "@traceo/api-keys";
import { createApiKeyRow, type CreatedApiKey } from "./api-key-admin.ts";
import { ensureDatabaseExists } from "./ensure-database.ts";
import { migrateUp } from "./migrations.ts";
import { DEFAULT_DATABASE_URL, openNodeDatabase } from "./node-database.ts";

export const MIGRATIONS_DIR = resolve(fileURLToPath(new URL("../../../migrations", import.meta.url)));

export async function runMigrations(opts: { databaseUrl?: string; createDatabase?: boolean; log?: (line: string) => void } = {}): Promise<string[]> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (opts.createDatabase ?? true) await ensureDatabaseExists(databaseUrl);
  const handle = await openNodeDatabase(databaseUrl);
  try {
    return await migrateUp(handle.db, MIGRATIONS_DIR, opts.log);
  } finally {
    await handle.close();
  }
}

export async function createApiKey(opts: { databaseUrl?: string; name: string; tier: Tier; account?: string; environment?: KeyEnvironment; scopes?: string[] }): Promise<CreatedApiKey> {
  const handle = await openNodeDatabase(opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    return await createApiKeyRow(handle.db, opts);
  } finally {
    await handle.close();
  }
}

export { ensureDatabaseExists, openNodeDatabase, DEFAULT_DATABASE_URL, createApiKeyRow, type CreatedApiKey };
export { migrateUp, migrateDown, readMigrations } from "./migrations.ts";
export { runAsAdmin, LOCAL_ADMIN_DATABASE_URL } from "./admin-sql.ts";
export { reindexReports, countUnindexed, type ReindexScope, type ReindexResult } from "./report-reindex.ts";
