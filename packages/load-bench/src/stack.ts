// What bench:load runs against: a scratch database on the machine's Postgres, the Neon and Upstash
// shims in front of Postgres and Redis (as `npm run dev` has them), a set of enterprise API keys, and
// two `wrangler dev` processes: the analyze Worker and the bare baseline Worker.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { sql } from "kysely";
import { generateKeyringSecret } from "@traceo/crypto";
import { createApiKeyRow, openNodeDatabase, runAsAdmin, runMigrations } from "@traceo/ops";
import { createRealRedisBackend, freePort, startNeonWsProxy, startUpstashAdapter, startWranglerDev, waitForHttp, type WranglerDev } from "@traceo/local-dev";
import { openInspectorSession, type InspectorSession } from "./inspector.ts";

export interface LoadStack {
  analyzeBase: string;
  bareBase: string;
  /** Process group of the analyze Worker's wrangler dev (its workerd is in it). */
  analyzePgid: number;
  /** Process group of the bare Worker's wrangler dev. */
  barePgid: number;
  /** A DevTools client on the analyze Worker's wrangler dev (the bare one has its own, unexposed). */
  analyzeInspector: InspectorSession;
  apiKeys: string[];
  countReports(): Promise<number>;
  stop(): Promise<void>;
}

async function startWorker(opts: { root: string; config: string; vars: Record<string, string>; logFile: string }): Promise<{ base: string; dev: WranglerDev; inspector: InspectorSession }> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const dev = startWranglerDev({ root: opts.root, port, inspectorPort, vars: opts.vars, configs: [opts.config], logFile: opts.logFile });
  const base = `http://127.0.0.1:${port}`;
  const readiness = await waitForHttp(base, dev.exited, 90_000);
  if (readiness !== "ready") {
    await dev.stop();
    throw new Error(`wrangler dev --config ${opts.config} was not ready (${readiness}); see ${opts.logFile}`);
  }
  return { base, dev, inspector: await openInspectorSession(inspectorPort) };
}

export async function startLoadStack(opts: { root: string; adminUrl: string; keys: number; logFile: string; log: (line: string) => void }): Promise<LoadStack> {
  const database = `traceo_load_${process.pid}`;
  const databaseUrl = new URL(opts.adminUrl);
  databaseUrl.pathname = `/${database}`;
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    await runAsAdmin(`CREATE DATABASE "${database}"`, opts.adminUrl);
    cleanups.push(() => runAsAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, opts.adminUrl));
    await runMigrations({ databaseUrl: databaseUrl.toString() });

    const handle = await openNodeDatabase(databaseUrl.toString());
    cleanups.push(() => handle.close());
    // Many enterprise keys, used in turn: the bench measures the analysis path, not one key's limit.
    const apiKeys: string[] = [];
    for (let i = 0; i < opts.keys; i++) apiKeys.push((await createApiKeyRow(handle.db, { name: `load ${i}`, tier: "enterprise", account: "load-bench" })).key);
    opts.log(`scratch database ${database}, ${apiKeys.length} enterprise keys`);

    const proxy = await startNeonWsProxy({ port: 0 });
    cleanups.push(() => proxy.close());
    const token = randomBytes(24).toString("base64url");
    const redis = createRealRedisBackend("redis://127.0.0.1:6379");
    cleanups.push(() => redis.close());
    const adapter = await startUpstashAdapter({ port: 0, token, backend: redis });
    cleanups.push(() => adapter.close());

    const vars = {
      DATABASE_URL: databaseUrl.toString(),
      NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2`,
      UPSTASH_REDIS_REST_URL: adapter.url,
      UPSTASH_REDIS_REST_TOKEN: token,
      TRACEO_ENCRYPTION_KEYS: generateKeyringSecret("load1"),
      // As `npm run dev`: the local REST adapter is slower than Upstash on a busy 2-core machine.
      RATE_LIMIT_TIMEOUT_MS: "5000",
    };
    const analyze = await startWorker({ root: opts.root, config: "wrangler.toml", vars, logFile: opts.logFile });
    cleanups.push(() => analyze.dev.stop(), async () => analyze.inspector.close());
    const bare = await startWorker({ root: opts.root, config: join("packages/load-bench/bare/wrangler.toml"), vars: {}, logFile: opts.logFile });
    cleanups.push(() => bare.dev.stop(), async () => bare.inspector.close());
    opts.log(`analyze Worker on ${analyze.base}, bare Hono Worker on ${bare.base} (wrangler output: ${opts.logFile})`);

    return {
      analyzeBase: analyze.base,
      bareBase: bare.base,
      analyzePgid: analyze.dev.child.pid!,
      barePgid: bare.dev.child.pid!,
      analyzeInspector: analyze.inspector,
      apiKeys,
      async countReports() {
        const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(handle.db);
        return Number(rows[0]!.n);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
