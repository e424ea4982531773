import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neonConfig, Pool } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { neonDriverSettingsForProxy, startNeonWsProxy, type NeonWsProxy } from './neon-ws-proxy.ts';

// PGlite boots Postgres in WebAssembly (initdb included): allow it time.
const BOOT_MS = 120_000;
const dataDir = mkdtempSync(join(tmpdir(), 'traceo-pglite-test-'));
let pg: EmbeddedPostgres;
let proxy: NeonWsProxy;

beforeAll(async () => {
  neonConfig.webSocketConstructor = WebSocket;
  [pg, proxy] = await Promise.all([startEmbeddedPostgres({ dataDir }), startNeonWsProxy()]);
  Object.assign(neonConfig, neonDriverSettingsForProxy(`127.0.0.1:${proxy.port}`));
}, BOOT_MS);
afterAll(async () => {
  await proxy?.close();
  await pg?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded Postgres (PGlite over the wire protocol)', () => {
  it('answers the Neon driver through the WebSocket proxy', async () => {
    const pool = new Pool({ connectionString: pg.databaseUrl });
    try {
      const { rows } = await pool.query("select $1::int + 1 as n, split_part(version(), ' ', 1) as server", [41]);
      expect(rows).toEqual([{ n: 42, server: 'PostgreSQL' }]);
    } finally {
      await pool.end();
    }
  });

  it('keeps an open transaction invisible to other connections until it commits', async () => {
    const pool = new Pool({ connectionString: pg.databaseUrl, max: 4 });
    try {
      await pool.query('create table tx_probe (v text)');
      const writer = await pool.connect();
      await writer.query('begin');
      await writer.query("insert into tx_probe values ('pending')");
      const reader = pool.query('select count(*)::int as n from tx_probe'); // queued behind the transaction
      await writer.query('commit');
      writer.release();
      expect((await reader).rows).toEqual([{ n: 1 }]);
      const parallel = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.query('insert into tx_probe values ($1)', [`p${i}`])));
      expect(parallel.map((r) => r.rowCount)).toEqual(Array(8).fill(1));
      expect((await pool.query('select count(*)::int as n from tx_probe')).rows).toEqual([{ n: 9 }]);
    } finally {
      await pool.end();
    }
  });

  it('keeps its data in the data directory across restarts', async () => {
    const pool = new Pool({ connectionString: pg.databaseUrl });
    await pool.query("create table persisted (v text); insert into persisted values ('kept')");
    await pool.end();
    await pg.close();
    pg = await startEmbeddedPostgres({ dataDir });
    const again = new Pool({ connectionString: pg.databaseUrl });
    try {
      expect((await again.query('select v from persisted')).rows).toEqual([{ v: 'kept' }]);
    } finally {
      await again.end();
    }
  }, BOOT_MS);
});
