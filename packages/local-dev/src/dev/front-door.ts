// `npm run dev`'s public port: a plain Node HTTP server in front of wrangler dev.
// workerd's own HTTP parser answers a malformed Content-Length (not a number, negative, two values)
// with a bare 500 before any Worker code runs. Cloudflare's edge refuses such requests with a 400
// itself, so locally Node's parser does that job: it refuses them and they get the 400
// problem+json the API promises. Everything that parses is passed through unchanged.
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Cloudflare accepts up to 128 KB of request headers; no stricter here than there. */
const MAX_HEADER_BYTES = 128 * 1024;

export interface FrontDoor {
  server: Server;
  close(): Promise<void>;
}

function problemBody(status: number, title: string, detail: string): string {
  return JSON.stringify({ type: 'about:blank', title, status, detail });
}

/** What a request Node could not parse is told (llhttp's error codes). */
export function describeParseError(code: string | undefined): { status: 400 | 431; title: string; detail: string } {
  switch (code) {
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return { status: 400, title: 'Bad Request', detail: 'Content-Length must be a single non-negative integer (and not sent with Transfer-Encoding).' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, title: 'Request Header Fields Too Large', detail: `The request headers exceed ${MAX_HEADER_BYTES / 1024} KB.` };
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_INVALID_CHUNK_SIZE':
      return { status: 400, title: 'Bad Request', detail: 'The chunked body or its Transfer-Encoding is malformed.' };
    default:
      return { status: 400, title: 'Bad Request', detail: 'The request is not valid HTTP/1.1.' };
  }
}

function refuseUnparsable(error: Error & { code?: string }, socket: Duplex): void {
  // A client that went away needs no answer.
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const { status, title, detail } = describeParseError(error.code);
  const body = problemBody(status, title, detail);
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function sendProblem(res: ServerResponse, status: number, title: string, detail: string): void {
  if (res.headersSent) return void res.destroy();
  const body = problemBody(status, title, detail);
  res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), 'retry-after': '1' });
  res.end(body);
}

export function startFrontDoor(opts: { port: number; upstreamPort: number }): Promise<FrontDoor> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req: IncomingMessage, res: ServerResponse) => {
    // A fresh connection each time: one the Worker answered early (413 before the whole body arrived)
    // must not carry the next request.
    const upstream = forward(
      { host: '127.0.0.1', port: opts.upstreamPort, method: req.method, path: req.url, headers: req.headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ECONNREFUSED') sendProblem(res, 503, 'Service Unavailable', 'wrangler dev is not answering yet (starting or restarting); try again in a moment.');
      else sendProblem(res, 502, 'Bad Gateway', `wrangler dev dropped the request (${error.code ?? error.message}).`);
    });
    // The client left before the answer was complete: stop the Worker's side too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.on('clientError', refuseUnparsable);
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
