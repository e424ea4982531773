import { createServer, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { parseLoopbackTarget } from './loopback-target.ts';

export interface NeonWsProxyOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface NeonWsProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * WebSocket-to-TCP proxy for @neondatabase/serverless, the local stand-in for Neon's own proxy.
 * Driver settings: wsProxy = (h, p) => `127.0.0.1:${port}/v2?address=${h}:${p}`, useSecureWebSocket=false,
 * pipelineConnect=false, pipelineTLS=false. Only loopback targets are dialled.
 */
export async function startNeonWsProxy(opts: NeonWsProxyOptions = {}): Promise<NeonWsProxy> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const http = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket upgrade required\n');
  });

  http.on('upgrade', (req: IncomingMessage, head: Duplex, upgradeHead: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const target = url.pathname === '/v2' ? parseLoopbackTarget(url.searchParams.get('address')) : null;
    if (!target) {
      head.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, head, upgradeHead, (ws) => bridge(ws, target.host, target.port, sockets));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('proxy failed to bind a TCP port');

  return {
    port: address.port,
    async close() {
      for (const client of wss.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}

/** Joins one WebSocket to one TCP connection; either side ending ends the other. */
function bridge(ws: WebSocket, host: string, port: number, sockets: Set<Socket>): void {
  const tcp = connect({ host, port });
  sockets.add(tcp);
  // The driver writes its startup message before the TCP side is connected, so hold frames until then.
  let pending: Buffer[] | null = [];

  ws.on('message', (data: RawData) => {
    const chunk = toBuffer(data);
    if (pending) pending.push(chunk);
    else tcp.write(chunk);
  });
  tcp.on('connect', () => {
    tcp.setNoDelay(true);
    for (const chunk of pending ?? []) tcp.write(chunk);
    pending = null;
  });
  tcp.on('data', (chunk: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(chunk, { binary: true });
  });

  const closeWs = () => {
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    else if (ws.readyState !== ws.CLOSED) ws.terminate();
  };
  tcp.on('close', () => {
    sockets.delete(tcp);
    closeWs();
  });
  tcp.on('error', () => tcp.destroy()); // 'close' follows and closes the WebSocket
  ws.on('close', () => tcp.destroy());
  ws.on('error', () => {
    tcp.destroy();
    ws.terminate();
  });
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** The Neon driver settings that route through a proxy on `proxyHostPort` (e.g. "127.0.0.1:4444"). */
export function neonDriverSettingsForProxy(proxyHostPort: string) {
  return {
    wsProxy: (host: string, port: number | string) => `${proxyHostPort}/v2?address=${host}:${port}`,
    useSecureWebSocket: false,
    pipelineConnect: false as const,
    pipelineTLS: false,
  };
}
