import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { waitForHttp } from './wrangler-process.ts';

const never = new Promise<number>(() => {});

async function freePort(): Promise<number> {
  const scratch = createServer();
  await new Promise<void>((resolve) => scratch.listen(0, '127.0.0.1', resolve));
  const { port } = scratch.address() as AddressInfo;
  await new Promise<void>((resolve) => scratch.close(() => resolve()));
  return port;
}

describe('waitForHttp', () => {
  it('is ready as soon as anything answers HTTP, even a 404', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      expect(await waitForHttp(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, never, 5_000)).toBe('ready');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('gives up when the process has exited', async () => {
    expect(await waitForHttp(`http://127.0.0.1:${await freePort()}/`, Promise.resolve(1), 60_000)).toBe('exited');
  });

  it('reports a timeout when nothing answers in time', async () => {
    expect(await waitForHttp(`http://127.0.0.1:${await freePort()}/`, never, 300)).toBe('timeout');
  });
});
