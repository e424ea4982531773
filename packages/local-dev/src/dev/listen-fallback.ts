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
