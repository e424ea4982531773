// `npm run dev`'s public port: a plain Node HTTP server in front of wrangler dev, doing locally the
// few things Cloudflare's edge does before a request reaches a Worker:
// - requests that are not valid HTTP/1.1 (a Content-Length that is not one non-negative integer, say)
//   get a 400 problem+json; workerd's own parser would answer a bare 500 before any Worker code ran;
// - a transfer coding other than chunked gets 501 (workerd threw on "gzip, chunked"), a URL over 16 KB
//   414; an absolute-form target is sent on in origin form and "OPTIONS *" answered here (workerd
//   threw on both);
// - a chunked body is read whole and sent on with a Content-Length (see handle());
// - a compressed answer goes to a client that did not ask for it decompressed (wrangler's proxy asks
//   for br/gzip on the client's behalf, as the edge does, but the edge also undoes it).
// Everything else is passed through unchanged.
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import {
  MAX_BODY_BYTES,
  MAX_HEADER_BYTES,
  answer,
  answerOnSocket,
  answerServerOptions,
  describeParseError,
  originForm,
  tooLarge,
  transferCodingProblem,
  type FrontDoorProblem,
} from './front-door-answers.ts';

export interface FrontDoor {
  server: Server;
  close(): Promise<void>;
}

const DECODERS = { br: createBrotliDecompress, gzip: createGunzip, deflate: createInflate } as const;
type Coding = keyof typeof DECODERS;

/** Whether an Accept-Encoding value allows `coding` (RFC 9110 §12.5.3; absent means identity only here). */
export function accepts(acceptEncoding: string | undefined, coding: string): boolean {
  if (!acceptEncoding) return false;
  let wildcard = false;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === coding) return allowed;
    if (name === '*') wildcard = allowed;
  }
  return wildcard;
}

/** HEAD, 204 and 304 answers carry no body, so there is nothing to decompress. */
function hasBody(method: string | undefined, status: number): boolean {
  return method !== 'HEAD' && status !== 204 && status !== 304;
}

function relay(req: IncomingMessage, res: ServerResponse, answerFromWorker: IncomingMessage): void {
  const status = answerFromWorker.statusCode ?? 502;
  const coding = (answerFromWorker.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!(coding in DECODERS) || accepts(req.headers['accept-encoding'], coding)) {
    res.writeHead(status, answerFromWorker.statusMessage, answerFromWorker.rawHeaders);
    return void answerFromWorker.pipe(res);
  }
  // The answer the client would get to a GET: no encoding, length unknown until decoded.
  const headers = { ...answerFromWorker.headers };
  delete headers['content-encoding'];
  delete headers['content-length'];
  res.writeHead(status, answerFromWorker.statusMessage, headers);
  if (!hasBody(req.method, status)) {
    answerFromWorker.resume();
    return void res.end();
  }
  const decoder = DECODERS[coding as Coding]();
  decoder.on('error', (error) => {
    console.error(`[front-door] could not decode the ${coding} answer to ${req.method} ${req.url}: ${error.message}`);
    res.destroy();
  });
  answerFromWorker.pipe(decoder).pipe(res);
}

/** Reads a chunked body whole (up to `cap` bytes), or says why not. */
function readWhole(req: IncomingMessage, cap: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        req.removeAllListeners('data');
        req.resume(); // read on and drop: the answer is already decided
        return resolve('too-large');
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('close', () => {
      if (!req.complete) resolve('aborted');
    });
  });
}

/**
 * The request's headers as they came, repeats included (Node's parsed object keeps only the first
 * Authorization: a second key would have gone unseen). A body read whole travels with its length.
 */
function forwardedHeaders(req: IncomingMessage, body?: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (body && /^(transfer-encoding|content-length)$/i.test(name)) continue;
    out.push(name, req.rawHeaders[i + 1]!);
  }
  if (body) out.push('Content-Length', String(body.length));
  return out;
}

function forwardTo(upstreamPort: number, req: IncomingMessage, res: ServerResponse, path: string, body?: Buffer): void {
  const headers = forwardedHeaders(req, body);
  // A fresh connection each time: one the Worker answered early (413 before the whole body arrived)
  // must not carry the next request.
  const upstream = forward({ host: '127.0.0.1', port: upstreamPort, method: req.method, path, headers, agent: false }, (fromWorker) =>
    relay(req, res, fromWorker),
  );
  upstream.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ECONNREFUSED') {
      answer(res, { status: 503, title: 'Service Unavailable', slug: 'starting', detail: 'wrangler dev is not answering yet (starting or restarting); try again in a moment.' }, { 'retry-after': '1' });
    } else if (!res.writableEnded) {
      answer(res, { status: 502, title: 'Bad Gateway', slug: 'dev-proxy', detail: `wrangler dev dropped the request (${error.code ?? error.message}).` });
    }
  });
  // The client left before the answer was complete: stop the Worker's side too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  if (body) upstream.end(body);
  else req.pipe(upstream);
}

/** Its own refusals are logged as the Workers log theirs: one line with the request id. */
function refuse(req: IncomingMessage, res: ServerResponse, problem: FrontDoorProblem): void {
  const requestId = answer(res, problem, { connection: 'close' });
  console.log(JSON.stringify({ level: 'info', msg: 'refused by the dev front door', requestId, method: req.method, status: problem.status, detail: problem.detail }));
}

async function handle(upstreamPort: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS' && req.url === '*') return answerServerOptions(res);
  const target = originForm(req.url ?? '');
  if (typeof target !== 'string') return refuse(req, res, target);
  if (req.httpVersion === '1.1' && !req.headers.host) {
    return refuse(req, res, { status: 400, title: 'Bad Request', slug: 'malformed-request', detail: 'An HTTP/1.1 request needs a Host header (RFC 9112 §3.2).' });
  }
  const coding = transferCodingProblem(req.headers['transfer-encoding']);
  if (coding) return refuse(req, res, coding);
  if (req.headers['transfer-encoding'] === undefined) return forwardTo(upstreamPort, req, res, target);
  // A chunked body is read whole first and sent on with its length: workerd took a chunked body the
  // client abandoned half-way for a complete one, and after answering a long one early (413) it held
  // up the next request for 20 s. With a Content-Length it does neither.
  const body = await readWhole(req, MAX_BODY_BYTES);
  if (body === 'aborted') return void res.destroy();
  if (body === 'too-large') return refuse(req, res, tooLarge(MAX_BODY_BYTES));
  forwardTo(upstreamPort, req, res, target, body);
}

export function startFrontDoor(opts: { port: number; upstreamPort: number }): Promise<FrontDoor> {
  // Node's own Host check answers an empty 400; handle() answers it as a problem instead.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false }, (req, res) => void handle(opts.upstreamPort, req, res));
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    // A client that went away needs no answer.
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    answerOnSocket(socket, describeParseError(error.code));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
