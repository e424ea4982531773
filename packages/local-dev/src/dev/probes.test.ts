import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probePostgres, probeRedis } from './probes.ts';

let http: Server;
let httpPort: number;
let closedPort: number;

beforeAll(async () => {
  http = createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpPort = (http.address() as AddressInfo).port;
  // A port that was just free: bind, note it, release it.
  const scratch = createServer();
  await new Promise<void>((resolve) => scratch.listen(0, '127.0.0.1', resolve));
  closedPort = (scratch.address() as AddressInfo).port;
  await new Promise<void>((resolve) => scratch.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

describe('service probes', () => {
  it('recognise the Postgres and Redis running here', async () => {
    expect(await probePostgres('127.0.0.1', 5432)).toBe(true);
    expect(await probeRedis('127.0.0.1', 6379)).toBe(true);
  });

  it('do not mistake one server for the other', async () => {
    expect(await probePostgres('127.0.0.1', 6379)).toBe(false);
    expect(await probeRedis('127.0.0.1', 5432)).toBe(false);
  });

  it('say no for an HTTP server and for a closed port', async () => {
    expect(await probePostgres('127.0.0.1', httpPort)).toBe(false);
    expect(await probeRedis('127.0.0.1', httpPort)).toBe(false);
    expect(await probePostgres('127.0.0.1', closedPort)).toBe(false);
    expect(await probeRedis('127.0.0.1', closedPort)).toBe(false);
  });
});
