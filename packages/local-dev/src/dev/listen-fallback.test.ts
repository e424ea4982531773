import { describe, expect, it } from 'vitest';
import { startNeonWsProxy } from '../neon-ws-proxy.ts';
import { freePortPreferring, startOnPreferredPort } from './listen-fallback.ts';

describe('startOnPreferredPort', () => {
  it('takes the preferred port when free and moves to a free one when it is taken', async () => {
    const first = await startOnPreferredPort(0, (port) => startNeonWsProxy({ port }));
    const taken = first.server.port;
    const second = await startOnPreferredPort(taken, (port) => startNeonWsProxy({ port }));
    try {
      expect(first.moved).toBe(false);
      expect(second.moved).toBe(true);
      expect(second.server.port).not.toBe(taken);
      expect(second.server.port).toBeGreaterThan(0);
    } finally {
      await Promise.all([first.server.close(), second.server.close()]);
    }
  });

  it('passes on errors other than a taken port', async () => {
    await expect(startOnPreferredPort(1, () => Promise.reject(Object.assign(new Error('nope'), { code: 'EACCES' })))).rejects.toThrow('nope');
  });
});

describe('freePortPreferring', () => {
  it('gives the preferred port when nothing listens there, another free one when something does', async () => {
    const holder = await startNeonWsProxy({ port: 0 });
    try {
      const moved = await freePortPreferring(holder.port);
      expect(moved).not.toBe(holder.port);
      expect(moved).toBeGreaterThan(0);
      expect(await freePortPreferring(moved)).toBe(moved); // free again once the probe closed
    } finally {
      await holder.close();
    }
  });
});
