// Starts what the Workers integration tests talk to: the same local shims `npm run dev` uses,
// in front of the real Postgres and Redis. A fresh database per run keeps tests independent of
// any dev data. Nothing here replaces a service with a mock.
import type { TestProject } from "vitest/node";
import { createRealRedisBackend } from "@traceo/local-dev/real-redis-backend.ts";
import { startNeonWsProxy } from "@traceo/local-dev/neon-ws-proxy.ts";
import { startUpstashAdapter } from "@traceo/local-dev/upstash-redis-adapter.ts";
import { startFaultControl } from "./support/fault-control.ts";
import { LOCAL_ADMIN_DATABASE_URL, migrateUp, MIGRATIONS_DIR, openNodeDatabase, runAsAdmin } from "@traceo/ops";
import { startPgDumpService } from "./support/pg-dump-service.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

declare module "vitest" {
  export interface ProvidedContext {
    services: { DATABASE_URL: string; NEON_WS_PROXY: string; UPSTASH_REDIS_REST_URL: string; UPSTASH_REDIS_REST_TOKEN: string };
    /** test/support/fault-control.ts: relays and private shims the fault tests cut and restart. */
    faultControl: string;
    /** Test-only: where a Workers test asks for a real pg_dump of its database (test/support/pg-dump-service.ts). */
    pgDump: { PG_DUMP_URL: string; PG_DUMP_TOKEN: string };
  }
}


export default async function setup(project: TestProject) {
  // One database per project: several Workers projects share this setup and must not drop each other's.
  const databaseName = `traceo_test_${process.pid}_${project.name.replace(/[^a-z0-9_]/gi, "_")}`;
  await runAsAdmin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await runAsAdmin(`CREATE DATABASE "${databaseName}"`);
  const databaseUrl = new URL(LOCAL_ADMIN_DATABASE_URL);
  databaseUrl.pathname = `/${databaseName}`;

  const migrating = await openNodeDatabase(databaseUrl.toString());
  await migrateUp(migrating.db, MIGRATIONS_DIR);
  await migrating.close();

  const proxy = await startNeonWsProxy({ port: 0 });
  const token = crypto.randomUUID();
  const backend = createRealRedisBackend(REDIS_URL);
  const adapter = await startUpstashAdapter({ port: 0, token, backend });

  const faults = await startFaultControl({ redisUrl: REDIS_URL });
  project.provide("faultControl", faults.url);
  const dump = await startPgDumpService(databaseUrl.toString());
  project.provide("pgDump", { PG_DUMP_URL: dump.url, PG_DUMP_TOKEN: dump.token });
  project.provide("services", {
    DATABASE_URL: databaseUrl.toString(),
    NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2`,
    UPSTASH_REDIS_REST_URL: adapter.url,
    UPSTASH_REDIS_REST_TOKEN: token,
  });

  return async () => {
    await faults.close();
    await dump.close();
    await adapter.close();
    await backend.close?.();
    await proxy.close();
    await runAsAdmin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  };
}
