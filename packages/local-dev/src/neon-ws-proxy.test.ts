import { neonConfig, Pool } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startNeonWsProxy, type NeonWsProxy } from './neon-ws-proxy.ts';

const PG = 'postgres://postgres@127.0.0.1:5432/test';
let proxy: NeonWsProxy;

beforeAll(async () => {
  proxy = await startNeonWsProxy();
  neonConfig.webSocketConstructor = WebSocket;
  neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxy.port}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  neonConfig.pipelineTLS = false;
});
afterAll(async () => {
  await proxy.close();
});

describe('neon WebSocket proxy', () => {
  it('carries queries of a Neon Pool to the real Postgres', async () => {
    const pool = new Pool({ connectionString: PG });
    try {
      const { rows } = await pool.query('select $1::int * 2 as doubled, current_database() as db', [21]);
      expect(rows).toEqual([{ doubled: 42, db: 'test' }]);
    } finally {
      await pool.end();
    }
  });

  it('serves several connections at once, each its own session', async () => {
    const pool = new Pool({ connectionString: PG, max: 5 });
    try {
      const pids = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const client = await pool.connect();
          try {
            const { rows } = await client.query('select pg_backend_pid() as pid, pg_sleep(0.05)');
            return rows[0].pid as number;
          } finally {
            client.release();
          }
        }),
      );
      expect(new Set(pids).size).toBe(5);
    } finally {
      await pool.end();
    }
  });

  it('keeps a transaction on one connection', async () => {
    const pool = new Pool({ connectionString: PG });
    const table = `proxy_tx_${process.pid}_${Date.now()}`;
    const client = await pool.connect();
    try {
      await client.query(`create temp table ${table} (v text)`);
      await client.query('begin');
      await client.query(`insert into ${table} values ('a'), ('b')`);
      await client.query('rollback');
      await client.query(`insert into ${table} values ('c')`);
      const { rows } = await client.query(`select v from ${table}`);
      expect(rows).toEqual([{ v: 'c' }]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it('leaves no server session behind once the pool ends', async () => {
    const appName = `proxy-leak-${process.pid}-${Date.now()}`;
    const pool = new Pool({ connectionString: `${PG}?application_name=${appName}`, max: 3 });
    await Promise.all([pool.query('select 1'), pool.query('select 2'), pool.query('select 3')]);
    const observer = new Pool({ connectionString: PG, max: 1 });
    try {
      const count = async () =>
        Number((await observer.query('select count(*) from pg_stat_activity where application_name = $1', [appName])).rows[0].count);
      expect(await count()).toBeGreaterThan(0);
      await pool.end();
      // Postgres notices the closed socket asynchronously; wait for it rather than assert on time.
      while ((await count()) > 0) await new Promise((r) => setTimeout(r, 20));
      expect(await count()).toBe(0);
    } finally {
      await observer.end();
    }
  });

  it('buffers bytes written before the TCP side connects', async () => {
    // SSLRequest: length 8, code 80877103. Sent the instant the WebSocket opens; Postgres answers 'N'.
    const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
    const socket = new WebSocket(`ws://127.0.0.1:${proxy.port}/v2?address=127.0.0.1:5432`);
    const reply = await new Promise<Buffer>((resolve, reject) => {
      socket.on('open', () => socket.send(sslRequest));
      socket.on('message', (data) => resolve(data as Buffer));
      socket.on('error', reject);
    });
    socket.close();
    expect(reply.toString('latin1')).toBe('N');
  });

  it.each([
    ['a non-loopback host', '/v2?address=10.1.2.3:5432'],
    ['a public name', '/v2?address=example.com:5432'],
    ['a missing address', '/v2'],
    ['another path', '/v1?address=127.0.0.1:5432'],
  ])('refuses %s with 403 before any connection', async (_label, path) => {
    const socket = new WebSocket(`ws://127.0.0.1:${proxy.port}${path}`);
    const outcome = await new Promise<string>((resolve) => {
      socket.on('error', (error) => resolve(error.message));
      socket.on('open', () => {
        socket.close();
        resolve('opened');
      });
    });
    expect(outcome).toBe('Unexpected server response: 403');
  });

  it('closes the WebSocket when the TCP target refuses the connection', async () => {
    // Port 1 on loopback has no listener here, so the TCP side fails at once.
    const socket = new WebSocket(`ws://127.0.0.1:${proxy.port}/v2?address=127.0.0.1:1`);
    const closed = await new Promise<boolean>((resolve) => socket.on('close', () => resolve(true)));
    expect(closed).toBe(true);
  });
});
