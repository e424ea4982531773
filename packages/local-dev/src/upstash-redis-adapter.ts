import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LuaScriptCompat } from './lua-script-compat.ts';
import type { CommandOutcome, RedisBackend, RedisCommand } from './redis-backend.ts';
import { encodeReply } from './upstash-reply-encoding.ts';

export interface UpstashAdapterOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The Bearer token clients must send (UPSTASH_REDIS_REST_TOKEN). */
  token: string;
  backend: RedisBackend;
}

export interface UpstashAdapter {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Refused: every request shares one backend connection, and these would change its state for
 * everyone (SELECT, MULTI, SUBSCRIBE...) or hold it while they block.
 */
const CONNECTION_COMMANDS = new Set([
  'subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe', 'monitor',
  'quit', 'reset', 'select', 'swapdb', 'hello', 'auth', 'client', 'multi', 'exec', 'discard', 'watch', 'unwatch',
  'blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'wait', 'waitaof',
]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Upstash-REST-to-Redis adapter: what @upstash/redis talks to locally instead of Upstash.
 * POST / takes one command as a JSON array, POST /pipeline and /multi-exec an array of them.
 * Closing the adapter does not close the backend (the caller owns it).
 */
export async function startUpstashAdapter(opts: UpstashAdapterOptions): Promise<UpstashAdapter> {
  const host = opts.host ?? '127.0.0.1';
  const scripts = new LuaScriptCompat();
  const expectedToken = digest(opts.token);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      send(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorised(req.headers.authorization, expectedToken)) throw new HttpError(401, 'Unauthorized');
    if (req.method !== 'POST') throw new HttpError(405, 'ERR only POST with a JSON body is supported');
    const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
    const path = new URL(req.url ?? '/', 'http://adapter.invalid').pathname.replace(/\/+$/, '') || '/';
    const body = await readJson(req);

    if (path === '/') {
      const { command, mapResult } = scripts.rewrite(parseCommand(body));
      let value: unknown;
      try {
        value = mapResult(await opts.backend.call(command.name, command.args));
      } catch (error) {
        throw new HttpError(400, redisErrorText(error));
      }
      send(res, 200, { result: encodeReply(value, base64) });
      return;
    }
    if (path === '/pipeline' || path === '/multi-exec') {
      if (!Array.isArray(body) || body.length === 0) throw new HttpError(400, 'ERR expected a non-empty array of commands');
      const rewritten = body.map((item) => scripts.rewrite(parseCommand(item)));
      const commands = rewritten.map((r) => r.command);
      let outcomes: CommandOutcome[];
      try {
        outcomes = path === '/pipeline' ? await opts.backend.pipeline(commands) : await opts.backend.multi(commands);
      } catch (error) {
        throw new HttpError(400, redisErrorText(error));
      }
      send(
        res,
        200,
        outcomes.map((o, i) =>
          o.ok ? { result: encodeReply(rewritten[i]!.mapResult(o.value), base64) } : { error: o.error },
        ),
      );
      return;
    }
    throw new HttpError(404, `ERR unknown path ${path}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('adapter failed to bind a TCP port');

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function authorised(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  // Compare digests so the comparison takes the same time whatever the token's length.
  return timingSafeEqual(digest(match[1]!.trim()), expected);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'ERR request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'ERR failed to parse the request body as JSON');
  }
}

/** A command is a non-empty JSON array; @upstash/redis sends numbers and booleans unquoted. */
function parseCommand(value: unknown): RedisCommand {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, 'ERR a command must be a non-empty JSON array');
  const parts = value.map((part) => {
    if (typeof part === 'string') return part;
    if (typeof part === 'number' || typeof part === 'boolean') return String(part);
    if (part === null) return 'null';
    throw new HttpError(400, 'ERR command arguments must be strings or numbers');
  });
  const [name, ...args] = parts as [string, ...string[]];
  if (CONNECTION_COMMANDS.has(name.toLowerCase())) {
    throw new HttpError(400, `ERR command '${name}' is not supported by the local Upstash adapter`);
  }
  return { name, args };
}

function redisErrorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
