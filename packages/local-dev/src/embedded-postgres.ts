import { Worker } from 'node:worker_threads';

export interface EmbeddedPostgresOptions {
  /** Where PGlite keeps its files; omitted = in memory (lost on close). */
  dataDir?: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface EmbeddedPostgres {
  port: number;
  /** PGlite has a single database, `postgres`; the name in a connection string is not checked. */
  databaseUrl: string;
  close(): Promise<void>;
}

type WorkerMessage = { ready: true; port: number } | { error: string; code?: string } | { closed: true };

/**
 * PGlite (Postgres compiled to WebAssembly) served over the Postgres wire protocol, for a machine
 * without a Postgres server. It runs on its own thread (see embedded-postgres-worker.mjs). PGlite runs
 * one query at a time; the socket server queues queries from all connections and keeps an open
 * transaction's connection first in line.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = opts.host ?? '127.0.0.1';
  const worker = new Worker(new URL('./embedded-postgres-worker.mjs', import.meta.url), {
    // Each Worker request opens its own connections (a Pool per request), so allow many at once.
    workerData: { dataDir: opts.dataDir, host, port: opts.port ?? 0, maxConnections: 512 },
  });
  const next = () =>
    new Promise<WorkerMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });

  const started = await next();
  if (!('ready' in started)) {
    await worker.terminate();
    const message = 'error' in started ? started.error : 'unexpected message';
    throw Object.assign(new Error(`embedded Postgres failed to start: ${message}`), { code: 'code' in started ? started.code : undefined });
  }
  let closing: Promise<void> | undefined;
  return {
    port: started.port,
    databaseUrl: `postgres://postgres@${host}:${started.port}/postgres`,
    close() {
      closing ??= (async () => {
        const closed = next();
        worker.postMessage('close');
        await closed;
        await worker.terminate();
      })();
      return closing;
    },
  };
}
