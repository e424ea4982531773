// `npm run dev`: the whole stack on http://127.0.0.1:8787 (PORT overrides) in one command.
// Real Postgres/Redis on their usual ports when they answer, embedded stand-ins otherwise; the Neon
// WebSocket proxy and the Upstash REST adapter in front of them; migrations; a dev API key; wrangler dev.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKeyringSecret } from '@traceo/crypto';
import { createApiKey, runMigrations } from '@traceo/ops';
import { chooseRedis, choosePostgres, redact } from './dev/choose-backends.ts';
import { ensureDevVars, parseDevVars, randomSecret } from './dev/dev-vars.ts';
import { startFrontDoor } from './dev/front-door.ts';
import { freePort, freePortPreferring, startOnPreferredPort } from './dev/listen-fallback.ts';
import { runDemo } from './dev/demo.ts';
import { syncFunctionDevVars } from './dev/function-dev-vars.ts';
import { DEV_CONFIGS, DOCS_DEV_CONFIG, SETTINGLESS_CONFIGS, startWranglerDev, waitForHttp, type WranglerDev } from './dev/wrangler-process.ts';
import { startNeonWsProxy } from './neon-ws-proxy.ts';
import { startUpstashAdapter } from './upstash-redis-adapter.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const PORT = Number(process.env.PORT ?? 8787);
const PROXY_PORT = 4444;
const ADAPTER_PORT = 8079;
const INSPECTOR_PORT = 9229;
const READY_TIMEOUT_MS = 90_000;
// `npm run dev -- --embedded` uses PGlite and the in-memory Redis even when servers are running.
const FORCE_EMBEDDED = process.argv.includes('--embedded');
// `npm run dev -- --demo` analyses the sample emails and URLs in test/fixtures once the server is up.
const DEMO = process.argv.includes('--demo');

const say = (line: string) => console.log(`[dev] ${line}`);
const cleanups: (() => Promise<unknown>)[] = [];
const wranglers: WranglerDev[] = [];
let stopping: Promise<never> | undefined;

/** Stops everything once; later calls wait for the first (so no exit cuts a cleanup short). */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    await Promise.all(wranglers.map((w) => w.stop()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => say(`cleanup failed: ${String(e)}`));
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // The terminal and npm may both pass on one Ctrl-C: say it once.
    if (!stopping) say(`${signal}: stopping`);
    void shutdown(0);
  });
}

async function main(): Promise<void> {
  if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) throw new Error(`PORT must be a TCP port, not ${process.env.PORT}`);
  say('starting (Postgres, Redis, shims, migrations, wrangler dev)…');

  const [postgres, redis] = await Promise.all([
    choosePostgres({ databaseUrlFromEnv: process.env.DATABASE_URL, pgliteDir: join(ROOT, '.local/pglite'), forceEmbedded: FORCE_EMBEDDED }),
    chooseRedis({ forceEmbedded: FORCE_EMBEDDED }),
  ]);
  cleanups.push(() => postgres.close(), () => redis.backend.close());
  say(`Postgres: ${postgres.description}`);
  say(`Redis:    ${redis.description}`);

  const devVarsPath = join(ROOT, '.dev.vars');
  const existing = existsSync(devVarsPath) ? parseDevVars(readFileSync(devVarsPath, 'utf8')) : {};
  const token = existing.UPSTASH_REDIS_REST_TOKEN || randomSecret();

  const proxy = await startOnPreferredPort(PROXY_PORT, (port) => startNeonWsProxy({ port }));
  cleanups.push(() => proxy.server.close());
  const adapter = await startOnPreferredPort(ADAPTER_PORT, (port) => startUpstashAdapter({ port, token, backend: redis.backend }));
  cleanups.push(() => adapter.server.close());
  const neonWsProxy = `127.0.0.1:${proxy.server.port}/v2`;
  say(`Neon WebSocket proxy on ws://${neonWsProxy}${proxy.moved ? ` (port ${PROXY_PORT} was taken)` : ''}`);
  say(`Upstash REST adapter on ${adapter.server.url}${adapter.moved ? ` (port ${ADAPTER_PORT} was taken)` : ''}`);

  // The shim URLs change with the backends, so they also go to wrangler as --var (which wins over .dev.vars).
  const vars: Record<string, string> = {
    DATABASE_URL: postgres.databaseUrl,
    NEON_WS_PROXY: neonWsProxy,
    UPSTASH_REDIS_REST_URL: adapter.server.url,
    // The local REST adapter answers slower than Upstash on a busy laptop; give the limiter room.
    RATE_LIMIT_TIMEOUT_MS: '5000',
  };
  const devVars = ensureDevVars({
    example: join(ROOT, '.dev.vars.example'),
    target: devVarsPath,
    values: { ...vars, UPSTASH_REDIS_REST_TOKEN: token },
    generators: { TRACEO_ENCRYPTION_KEYS: () => generateKeyringSecret('dev1') },
  });
  say(devVars.created ? 'wrote .dev.vars (fresh random secrets; ignored by git)' : 'using the existing .dev.vars');
  if (devVars.added.length > 0) say(`added new settings to .dev.vars: ${devVars.added.join(', ')}`);
  if (devVars.vars.UPSTASH_REDIS_REST_TOKEN !== token) vars.UPSTASH_REDIS_REST_TOKEN = token;
  syncFunctionDevVars({ root: ROOT, configs: DEV_CONFIGS.filter((c) => !SETTINGLESS_CONFIGS.includes(c)), effective: { ...devVars.vars, ...vars }, shimVars: vars });

  const applied = await runMigrations({ databaseUrl: postgres.databaseUrl, createDatabase: postgres.createDatabase });
  say(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
  // The Workers take only keys of their API_KEY_ENV (wrangler.toml: test; .dev.vars may say live).
  const environment = devVars.vars.API_KEY_ENV === 'live' ? 'live' : 'test';
  const key = await createApiKey({ databaseUrl: postgres.databaseUrl, name: `dev ${new Date().toISOString()}`, tier: 'pro', environment });

  // wrangler's DevTools port: 9229 unless another `wrangler dev` holds it (wrangler would exit).
  const inspectorPort = await freePortPreferring(INSPECTOR_PORT);
  if (inspectorPort !== INSPECTOR_PORT) say(`DevTools inspector on port ${inspectorPort} (${INSPECTOR_PORT} was taken)`);
  const docsPort = await freePort();
  const docsOrigin = `http://127.0.0.1:${docsPort}`;
  // Its own output goes to a file: one "Ready on" line in the terminal, the address to use.
  const docsLog = join(ROOT, '.local/wrangler-docs.log');
  mkdirSync(dirname(docsLog), { recursive: true });
  const docs = startWranglerDev({ root: ROOT, port: docsPort, inspectorPort: await freePort(), vars: {}, configs: [DOCS_DEV_CONFIG], logFile: docsLog });
  // wrangler dev listens on an inner port; PORT is the front door (see front-door.ts).
  const apiPort = await freePort();
  const frontDoor = await startFrontDoor({ port: PORT, upstreamPort: apiPort }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new Error(`port ${PORT} is in use (another npm run dev?); PORT=8788 npm run dev picks another`) : error;
  });
  cleanups.push(() => frontDoor.close());
  const api = startWranglerDev({ root: ROOT, port: apiPort, inspectorPort, vars: { ...vars, DOCS_ORIGIN: docsOrigin } });
  wranglers.push(api, docs);
  for (const [name, dev] of [['wrangler', api], ['wrangler (docs)', docs]] as const) {
    void dev.exited.then((code) => {
      if (!stopping) {
        say(`${name} exited (code ${code}); stopping`);
        void shutdown(code === 0 ? 1 : code);
      }
    });
  }
  const base = `http://127.0.0.1:${PORT}`;
  const readiness = await Promise.all([waitForHttp(`http://127.0.0.1:${apiPort}`, api.exited, READY_TIMEOUT_MS), waitForHttp(docsOrigin, docs.exited, READY_TIMEOUT_MS)]);
  const notReady = readiness.findIndex((r) => r !== 'ready');
  if (notReady >= 0) {
    const where = notReady === 0 ? base : docsOrigin;
    if (readiness[notReady] === 'timeout') say(`wrangler did not answer on ${where} within ${READY_TIMEOUT_MS / 1000} s`);
    if (notReady === 1) say(`the docs Worker did not start; its log: ${docsLog}`);
    return void (await shutdown(1));
  }

  const body = JSON.stringify({ url: 'http://secure-login.paypa1-account-verify.com/signin?session=expired' });
  console.log(
    [
      '',
      `[dev] ready on ${base} in ${process.uptime().toFixed(1)} s (wrangler's own port ${apiPort} is internal: use ${base})`,
      `[dev] web console: ${base}/console/`,
      `[dev] API reference: ${base}/docs (OpenAPI document: ${base}/openapi.json)`,
      `[dev] dev API key (tier ${key.tier}, shown once): ${key.key}`,
      `[dev] try it:`,
      `  curl -sS -X POST ${base}/v1/analyze/url -H 'Authorization: Bearer ${key.key}' -H 'Content-Type: application/json' -d '${body}'`,
      `[dev] more keys: DATABASE_URL='${redact(postgres.databaseUrl)}' npm run keys -- create --name NAME --tier free`,
      '[dev] Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  if (DEMO) await runDemo({ root: ROOT, base, key: key.key, say });
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
