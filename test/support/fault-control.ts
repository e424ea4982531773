// Node-side fault injection for the Workers tests (which run inside workerd and cannot open
// sockets of their own): a small HTTP control API that starts TCP relays in front of real services
// and private shim instances, and cuts, slows or restarts them on request. Started by
// test/global-setup.ts; only ever listens on and dials 127.0.0.1.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import { createRealRedisBackend } from "@traceo/local-dev/real-redis-backend.ts";
import { startNeonWsProxy, type NeonWsProxy } from "@traceo/local-dev/neon-ws-proxy.ts";
import { startUpstashAdapter, type UpstashAdapter } from "@traceo/local-dev/upstash-redis-adapter.ts";
import type { RedisBackend } from "@traceo/local-dev/redis-backend.ts";

const HOST = "127.0.0.1";

interface RelayMode {
  /** "pass" forwards; "refuse" stops listening, so connections are refused (the service is down). */
  state: "pass" | "refuse";
  /** Delay before each chunk from the client is forwarded (a slow service). */
  delayMs: number;
  /** Cut every connection of the relay once the client has sent this text (latin1, case-insensitive). */
  cutOn: string | null;
}

interface Relay {
  id: string;
  port: number;
  targetPort: number;
  mode: RelayMode;
  /** Connections cut by `cutOn` so far. */
  cuts: number;
  server: TcpServer;
  sockets: Set<Socket>;
}

function startRelay(id: string, targetPort: number, mode: RelayMode): Promise<Relay> {
  const sockets = new Set<Socket>();
  const relay: Relay = { id, port: 0, targetPort, mode, cuts: 0, server: createTcpServer(), sockets };
  relay.server.on("connection", (client) => {
    const upstream = connect({ host: HOST, port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    let seen = "";
    client.on("data", (chunk: Buffer) => {
      const cutOn = relay.mode.cutOn;
      if (cutOn) {
        seen = (seen + chunk.toString("latin1")).slice(-64 * 1024);
        if (seen.toLowerCase().includes(cutOn.toLowerCase())) {
          relay.cuts += 1;
          client.resetAndDestroy();
          end();
          return;
        }
      }
      const forward = () => upstream.destroyed || upstream.write(chunk);
      if (relay.mode.delayMs > 0) {
        client.pause();
        setTimeout(() => {
          forward();
          client.resume();
        }, relay.mode.delayMs);
      } else forward();
    });
    upstream.on("data", (chunk: Buffer) => client.destroyed || client.write(chunk));
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  return listen(relay, 0).then(async () => {
    if (mode.state === "refuse") await applyState(relay);
    return relay;
  });
}

function listen(relay: Relay, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    relay.server.once("error", reject);
    relay.server.listen(port, HOST, () => {
      relay.server.off("error", reject);
      relay.port = (relay.server.address() as { port: number }).port;
      resolve();
    });
  });
}

/** Down: nothing listens on the port any more (connection refused); up: listening again on it. */
async function applyState(relay: Relay): Promise<void> {
  if (relay.mode.state === "refuse" && relay.server.listening) {
    cutAll(relay);
    await new Promise<void>((resolve) => relay.server.close(() => resolve()));
  } else if (relay.mode.state === "pass" && !relay.server.listening) {
    await listen(relay, relay.port);
  }
}

function cutAll(relay: Relay): void {
  for (const socket of relay.sockets) socket.destroy();
  relay.sockets.clear();
}

/** A private Neon WS proxy + Upstash adapter pair that tests may stop and start on the same ports. */
interface Shims {
  id: string;
  proxyPort: number;
  adapterPort: number;
  token: string;
  proxy: NeonWsProxy | null;
  adapter: UpstashAdapter | null;
  backend: RedisBackend;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export interface FaultControl {
  url: string;
  close(): Promise<void>;
}

export async function startFaultControl(opts: { redisUrl: string }): Promise<FaultControl> {
  const relays = new Map<string, Relay>();
  const shims = new Map<string, Shims>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${++counter}`;

  async function handle(method: string, path: string, body: Record<string, unknown>): Promise<[number, unknown]> {
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "relays" && parts.length === 1 && method === "POST") {
      const mode: RelayMode = { state: "pass", delayMs: 0, cutOn: null, ...(body.mode as Partial<RelayMode> | undefined) };
      const relay = await startRelay(nextId("relay"), Number(body.targetPort), mode);
      relays.set(relay.id, relay);
      return [201, { id: relay.id, port: relay.port }];
    }
    const relay = parts[0] === "relays" ? relays.get(parts[1] ?? "") : undefined;
    if (relay && parts.length === 2 && method === "PATCH") {
      relay.mode = { ...relay.mode, ...(body as Partial<RelayMode>) };
      await applyState(relay);
      return [200, { id: relay.id, port: relay.port, mode: relay.mode, cuts: relay.cuts }];
    }
    if (relay && parts.length === 2 && method === "GET") return [200, { id: relay.id, port: relay.port, mode: relay.mode, cuts: relay.cuts }];
    if (relay && parts.length === 2 && method === "DELETE") {
      cutAll(relay);
      if (relay.server.listening) await new Promise<void>((resolve) => relay.server.close(() => resolve()));
      relays.delete(relay.id);
      return [204, null];
    }
    if (parts[0] === "shims" && parts.length === 1 && method === "POST") {
      const token = crypto.randomUUID();
      const backend = createRealRedisBackend(opts.redisUrl);
      const proxy = await startNeonWsProxy({ port: 0 });
      const adapter = await startUpstashAdapter({ port: 0, token, backend });
      const s: Shims = { id: nextId("shims"), proxyPort: proxy.port, adapterPort: adapter.port, token, proxy, adapter, backend };
      shims.set(s.id, s);
      return [201, describeShims(s)];
    }
    const s = parts[0] === "shims" ? shims.get(parts[1] ?? "") : undefined;
    if (s && parts[2] === "stop" && method === "POST") {
      await s.proxy?.close();
      await s.adapter?.close();
      s.proxy = null;
      s.adapter = null;
      return [200, describeShims(s)];
    }
    if (s && parts[2] === "start" && method === "POST") {
      s.proxy ??= await startNeonWsProxy({ port: s.proxyPort });
      s.adapter ??= await startUpstashAdapter({ port: s.adapterPort, token: s.token, backend: s.backend });
      return [200, describeShims(s)];
    }
    if (s && parts.length === 2 && method === "DELETE") {
      await closeShims(s);
      shims.delete(s.id);
      return [204, null];
    }
    return [404, { error: `no such control route: ${method} ${path}` }];
  }

  const server: Server = createServer((req, res) => {
    readJson(req)
      .then((body) => handle(req.method ?? "GET", new URL(req.url ?? "/", "http://control").pathname, body))
      .then(([status, body]) => {
        res.writeHead(status, { "content-type": "application/json" }).end(body === null ? undefined : JSON.stringify(body));
      })
      .catch((err: unknown) => res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(err) })));
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${HOST}:${port}`,
    async close() {
      for (const relay of relays.values()) {
        cutAll(relay);
        if (relay.server.listening) relay.server.close();
      }
      for (const s of shims.values()) await closeShims(s);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function describeShims(s: Shims) {
  return { id: s.id, proxy: `${HOST}:${s.proxyPort}/v2`, upstashUrl: `http://${HOST}:${s.adapterPort}`, upstashPort: s.adapterPort, token: s.token, running: s.proxy !== null };
}

async function closeShims(s: Shims): Promise<void> {
  await s.proxy?.close();
  await s.adapter?.close();
  await s.backend.close?.();
}
