import { createEmbeddedRedisBackend } from '../embedded-redis-backend.ts';
import { startEmbeddedPostgres } from '../embedded-postgres.ts';
import { createRealRedisBackend } from '../real-redis-backend.ts';
import type { RedisBackend } from '../redis-backend.ts';
import { probePostgres, probeRedis } from './probes.ts';

export const REAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/traceo';
export const EMBEDDED_POSTGRES_PORT = 54329;

export interface ChosenPostgres {
  databaseUrl: string;
  /** Whether the database may need CREATE DATABASE (not for PGlite, which has exactly one). */
  createDatabase: boolean;
  description: string;
  close(): Promise<void>;
}

export interface ChosenRedis {
  backend: RedisBackend;
  description: string;
}

/** DATABASE_URL if set; else the Postgres on 127.0.0.1:5432 if it answers; else PGlite in `pgliteDir`. */
export async function choosePostgres(opts: { databaseUrlFromEnv?: string; pgliteDir: string; forceEmbedded?: boolean }): Promise<ChosenPostgres> {
  const noop = async () => {};
  if (opts.databaseUrlFromEnv && !opts.forceEmbedded) {
    return { databaseUrl: opts.databaseUrlFromEnv, createDatabase: true, description: `Postgres from DATABASE_URL (${redact(opts.databaseUrlFromEnv)})`, close: noop };
  }
  if (!opts.forceEmbedded && (await probePostgres('127.0.0.1', 5432))) {
    return { databaseUrl: REAL_POSTGRES_URL, createDatabase: true, description: 'Postgres on 127.0.0.1:5432, database traceo', close: noop };
  }
  // A Postgres already on the PGlite port is most likely another `npm run dev` holding the same data
  // directory; opening the directory twice would corrupt it.
  if (await probePostgres('127.0.0.1', EMBEDDED_POSTGRES_PORT)) {
    throw new Error(`Port ${EMBEDDED_POSTGRES_PORT} already serves Postgres (another \`npm run dev\`?). Stop it, or set DATABASE_URL.`);
  }
  const pg = await startEmbeddedPostgres({ dataDir: opts.pgliteDir, port: EMBEDDED_POSTGRES_PORT });
  return {
    databaseUrl: pg.databaseUrl,
    createDatabase: false,
    description: `embedded PGlite (Postgres 18 in WebAssembly; data in ${opts.pgliteDir}) on 127.0.0.1:${pg.port} — ${
      opts.forceEmbedded ? 'asked for with --embedded' : 'no Postgres answered on 127.0.0.1:5432'
    }`,
    close: () => pg.close(),
  };
}

/** The Redis on 127.0.0.1:6379 if it answers PING; else the in-memory embedded Redis. */
export async function chooseRedis(opts: { forceEmbedded?: boolean } = {}): Promise<ChosenRedis> {
  if (!opts.forceEmbedded && (await probeRedis('127.0.0.1', 6379))) {
    return { backend: createRealRedisBackend('redis://127.0.0.1:6379'), description: 'Redis on 127.0.0.1:6379' };
  }
  return {
    backend: createEmbeddedRedisBackend(),
    description: `embedded in-memory Redis (rate-limit counters reset when dev stops) — ${
      opts.forceEmbedded ? 'asked for with --embedded' : 'no Redis answered on 127.0.0.1:6379'
    }`,
  };
}

/** A connection string without its password, for printing. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
