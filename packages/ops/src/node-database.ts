// Opens the production driver (Neon serverless Pool + Kysely) from Node. A loopback Postgres
// speaks plain TCP, not WebSocket, so for it we run the local WebSocket-to-TCP proxy in-process.
// The driver's proxy setting is process-wide, so every handle shares one proxy, which stops when
// the last handle closes.
import { neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import { openDatabase, type DatabaseHandle } from "@traceo/db";
import { startNeonWsProxy, type NeonWsProxy } from "@traceo/local-dev/neon-ws-proxy.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/traceo";

let shared: { proxy: Promise<NeonWsProxy>; users: number } | undefined;

async function acquireProxy(): Promise<NeonWsProxy> {
  shared ??= { proxy: startNeonWsProxy({ port: 0 }), users: 0 };
  shared.users += 1;
  return shared.proxy;
}

async function releaseProxy(): Promise<void> {
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  const { proxy } = shared;
  shared = undefined;
  await (await proxy).close();
}

export async function openNodeDatabase(databaseUrl: string): Promise<DatabaseHandle> {
  neonConfig.webSocketConstructor = ws;
  const host = new URL(databaseUrl).hostname;
  if (!LOOPBACK.has(host)) return openDatabase({ DATABASE_URL: databaseUrl });
  const proxy = await acquireProxy();
  const handle = openDatabase({ DATABASE_URL: databaseUrl, NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2` });
  let closed = false;
  return {
    db: handle.db,
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
      await releaseProxy();
    },
  };
}
