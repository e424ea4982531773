import { createServer } from 'node:net';

/**
 * Starts a server on its preferred port, or on a free one when that port is taken (another dev
 * server, say). Returns what `start` returned and whether it had to move.
 */
export async function startOnPreferredPort<T>(preferred: number, start: (port: number) => Promise<T>): Promise<{ server: T; moved: boolean }> {
  try {
    return { server: await start(preferred), moved: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return { server: await start(0), moved: true };
  }
}

/**
 * `preferred` if nothing listens on it, else a free port: for ports another program binds later
 * (wrangler's DevTools inspector fails outright when 9229 is taken by another `wrangler dev`).
 */
export async function freePortPreferring(preferred: number): Promise<number> {
  return (await startOnPreferredPort(preferred, freePort)).server;
}

/** Binds `port` on 127.0.0.1 (0: any free one) and releases it: the port, free a moment ago. */
export function freePort(port = 0): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
}
