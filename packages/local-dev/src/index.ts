// Development tooling only: tests and CLIs import this, production code never does.
export { neonDriverSettingsForProxy, startNeonWsProxy, type NeonWsProxy, type NeonWsProxyOptions } from './neon-ws-proxy.ts';
export { startUpstashAdapter, type UpstashAdapter, type UpstashAdapterOptions } from './upstash-redis-adapter.ts';
export { createRealRedisBackend } from './real-redis-backend.ts';
export { createEmbeddedRedisBackend } from './embedded-redis-backend.ts';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.ts';
export type { CommandOutcome, RedisArg, RedisBackend, RedisCommand } from './redis-backend.ts';
export { startWranglerDev, waitForHttp, type WranglerDev } from './dev/wrangler-process.ts';
export { freePort } from './dev/listen-fallback.ts';
