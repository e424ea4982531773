// Opens the production driver (Neon serverless Pool + Kysely) from Node. A loopback Postgres
// speaks plain TCP, not WebSocket, so for it we run the local WebSocket-to-TCP proxy in-process.
import { neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import { openDatabase, type DatabaseHandle } from "@traceo/db";
import { startNeonWsProxy } from "@traceo/local-dev/neon-ws-proxy.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/traceo";

export async function openNodeDatabase(databaseUrl: string): Promise<DatabaseHandle> {
  neonConfig.webSocketConstructor = ws;
  const host = new URL(databaseUrl).hostname;
  if (!LOOPBACK.has(host)) return openDatabase({ DATABASE_URL: databaseUrl });
  const proxy = await startNeonWsProxy({ port: 0 });
  const handle = openDatabase({ DATABASE_URL: databaseUrl, NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2` });
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      await proxy.close();
    },
  };
}
