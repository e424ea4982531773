import { describe, expect, it } from 'vitest';
import { startNeonWsProxy } from '../neon-ws-proxy.ts';
import { startOnPreferredPort } from './listen-fallback.ts';

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
