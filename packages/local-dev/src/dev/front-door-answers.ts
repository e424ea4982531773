// The answers `npm run dev`'s front door gives itself (see front-door.ts), shaped like the API's own
// problems: problem+json with a request id and nosniff.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Cloudflare accepts up to 128 KB of request headers; no stricter here than there. */
export const MAX_HEADER_BYTES = 128 * 1024;
/** The largest body any route takes (functions/analyze: a raw email of 10 MiB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface FrontDoorProblem {
  status: number;
  title: string;
  slug: string;
  detail: string;
}

function problemParts(problem: FrontDoorProblem): { headers: Record<string, string>; body: string; requestId: string } {
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: `https://traceo.dev/problems/${problem.slug}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: `urn:traceo:request:${requestId}`,
  });
  const headers = {
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Request-Id': requestId,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  return { headers, body, requestId };
}

/** What a request Node could not parse is told (llhttp's error codes). */
export function describeParseError(code: string | undefined): FrontDoorProblem {
  switch (code) {
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return { status: 400, title: 'Bad Request', slug: 'malformed-request', detail: 'Content-Length must be a single non-negative integer (and not sent with Transfer-Encoding).' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, title: 'Request Header Fields Too Large', slug: 'headers-too-large', detail: `The request headers exceed ${MAX_HEADER_BYTES / 1024} KB.` };
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_INVALID_CHUNK_SIZE':
      return { status: 400, title: 'Bad Request', slug: 'malformed-request', detail: 'The chunked body or its Transfer-Encoding is malformed.' };
    default:
      return { status: 400, title: 'Bad Request', slug: 'malformed-request', detail: 'The request is not valid HTTP/1.1.' };
  }
}

/** RFC 9112 §6.1: a transfer coding the server does not understand gets 501. Only `chunked` is. */
export function transferCodingProblem(transferEncoding: string | undefined): FrontDoorProblem | null {
  if (transferEncoding === undefined || transferEncoding.trim().toLowerCase() === 'chunked') return null;
  return {
    status: 501,
    title: 'Not Implemented',
    slug: 'unsupported-transfer-coding',
    detail: `Transfer-Encoding "${transferEncoding.slice(0, 100)}" is not supported: send the body as is or chunked.`,
  };
}

/** Cloudflare refuses a URL over 16 KB with 414; workerd took a second, then answered 431 in plain text. */
export const MAX_URL_BYTES = 16 * 1024;

/**
 * The request target in origin form ("/path?query"), or why it cannot be served. RFC 9112 §3.2: a
 * server accepts the absolute form ("http://host/path"). ("OPTIONS *" is answered before this.)
 */
export function originForm(target: string): string | FrontDoorProblem {
  if (Buffer.byteLength(target) > MAX_URL_BYTES) {
    return { status: 414, title: 'URI Too Long', slug: 'uri-too-long', detail: `The request target is longer than ${MAX_URL_BYTES / 1024} KB.` };
  }
  if (target.startsWith('/')) return target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return `${url.pathname}${url.search}`;
    } catch {
      // falls through to the refusal
    }
  }
  return { status: 400, title: 'Bad Request', slug: 'malformed-request', detail: 'The request target must be a path ("/v1/…") or an absolute http(s) URL.' };
}

/** Worded as the Workers' own body limit words it. */
export function tooLarge(maxBytes: number): FrontDoorProblem {
  return { status: 413, title: 'The request body is too large', slug: 'payload-too-large', detail: `The body must be at most ${maxBytes} bytes.` };
}

/** Answers on a raw socket (the request never parsed, so there is no response object). */
export function answerOnSocket(socket: Duplex, problem: FrontDoorProblem): void {
  const { headers, body } = problemParts(problem);
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${problem.status} ${problem.title}\r\n${lines}Connection: close\r\n\r\n${body}`);
}

/** Sends the problem; returns its request id. */
export function answer(res: ServerResponse, problem: FrontDoorProblem, extra: Record<string, string> = {}): string {
  if (res.headersSent) {
    res.destroy();
    return '';
  }
  const { headers, body, requestId } = problemParts(problem);
  res.writeHead(problem.status, { ...headers, ...extra });
  res.end(body);
  return requestId;
}

/** "OPTIONS *" asks about the server as a whole (RFC 9110 §9.3.7): every method some route takes. */
export function answerServerOptions(res: ServerResponse): void {
  res.writeHead(204, { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', 'x-request-id': randomUUID(), connection: 'close' });
  res.end();
}
