// Runs PGlite and its wire-protocol server on a worker thread. PGlite executes queries synchronously
// in WebAssembly; on the main thread that would stall the shims (and the rate limiter behind them)
// whenever the database is busy. Plain JavaScript so it starts the same under tsx, vitest and node.
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const { dataDir, host, port, maxConnections } = workerData;

try {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs the look-alike domain search (migration 0005).
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  parentPort.on('message', async (message) => {
    if (message !== 'close') return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ closed: true });
  });
  parentPort.postMessage({ ready: true, port: Number(server.getServerConn().split(':').pop()) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error), code: error?.code });
}
