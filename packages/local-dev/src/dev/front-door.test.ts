import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './listen-fallback.ts';
import { accepts, startFrontDoor, type FrontDoor } from './front-door.ts';

/** Sends bytes as they are (fetch would refuse a bad Content-Length itself) and returns the answer. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function post(contentLength: string): string {
  return `POST /v1/analyze/url HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\nConnection: close\r\n\r\n{"url":"http://a.com"}`;
}

describe('npm run dev front door', () => {
  let upstream: Server;
  let door: FrontDoor;
  let port: number;
  const seen: { method?: string; url?: string; host?: string; body: string; contentLength?: string; transferEncoding?: string; authorization?: string }[] = [];
  const bodyOutcomes: string[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      if (req.url === '/compressed') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
        return void res.end(brotliCompressSync(Buffer.from('{"openapi":"3.1.0"}')));
      }
      if (req.url === '/early') {
        // Answers at once, as a Worker's body limit does, without reading the body.
        res.writeHead(413, { 'content-type': 'application/problem+json' });
        return void res.end('{"status":413}');
      }
      let body = '';
      req.on('aborted', () => bodyOutcomes.push(`aborted after ${body.length} bytes`));
      req.on('data', (chunk) => (body += chunk.toString()));
      req.on('end', () => {
        bodyOutcomes.push(`complete ${body.length} bytes`);
        const authorization = req.rawHeaders.filter((_, i, all) => i % 2 === 1 && /^authorization$/i.test(all[i - 1]!)).join(', ') || undefined;
        seen.push({ method: req.method, url: req.url, host: req.headers.host, body, contentLength: req.headers['content-length'], transferEncoding: req.headers['transfer-encoding'], authorization });
        res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
        res.end(JSON.stringify({ echoed: body.length }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    port = await freePort();
    door = await startFrontDoor({ port, upstreamPort: (upstream.address() as AddressInfo).port });
  });
  afterAll(async () => {
    await door.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('passes a well-formed request and its answer through unchanged', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/v1/analyze/url?x=1`, { method: 'POST', body: '{"url":"http://a.com"}' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('r-1');
    expect(await res.json()).toEqual({ echoed: 22 });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/analyze/url?x=1', host: `127.0.0.1:${port}`, body: '{"url":"http://a.com"}', contentLength: '22' });
  });

  it.each(['abc', '-5', '22, 22', '1e3'])('answers Content-Length %j with 400 problem+json, never reaching wrangler', async (value) => {
    const before = seen.length;
    const answer = await rawExchange(port, post(value));
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Content-Type: application/problem+json');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { status: number; detail: string };
    expect(body).toMatchObject({ status: 400, detail: expect.stringContaining('Content-Length must be a single non-negative integer') });
    expect(seen.length).toBe(before);
  });

  it("gives its own refusals the API's shape: a problem type, a request id, nosniff", async () => {
    const answer = await rawExchange(port, post('abc'));
    expect(answer).toMatch(/\r\nX-Request-Id: [0-9a-f-]{36}\r\n/);
    expect(answer).toContain('X-Content-Type-Options: nosniff');
    expect(answer).toContain('"type":"https://traceo.dev/problems/malformed-request"');
  });

  it('answers a transfer coding other than chunked with 501, never reaching wrangler', async () => {
    const before = seen.length;
    const answer = await rawExchange(port, 'POST /v1/analyze/url HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
    expect(answer).toContain('"type":"https://traceo.dev/problems/unsupported-transfer-coding"');
    expect(seen.length).toBe(before);
  });

  it('decompresses an answer for a client that did not ask for compression, and passes it on to one that did', async () => {
    const plain = await rawExchange(port, 'GET /compressed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(plain).not.toMatch(/content-encoding/i);
    expect(plain).toContain('\r\n{"openapi":"3.1.0"}\r\n'); // one chunk, decoded
    const asked = await fetch(`http://127.0.0.1:${port}/compressed`, { headers: { 'accept-encoding': 'br' } });
    expect(asked.headers.get('content-encoding')).toBe('br');
    expect(await asked.json()).toEqual({ openapi: '3.1.0' }); // fetch decodes br itself
  });

  it('reads Accept-Encoding as RFC 9110 does', () => {
    expect(accepts(undefined, 'br')).toBe(false);
    expect(accepts('gzip, br;q=0.5', 'br')).toBe(true);
    expect(accepts('br;q=0, *', 'br')).toBe(false);
    expect(accepts('*', 'gzip')).toBe(true);
    expect(accepts('identity', 'gzip')).toBe(false);
  });

  it('sends a chunked body on whole, with its length; one the client abandons never reaches wrangler', async () => {
    bodyOutcomes.length = 0;
    const chunked = await rawExchange(port, 'POST /v1/chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n');
    expect(chunked).toMatch(/^HTTP\/1\.1 201/);
    expect(seen.at(-1)).toMatchObject({ url: '/v1/chunked', body: 'hello world', contentLength: '11', transferEncoding: undefined });
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /v1/analyze/email HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nSubject: TRUNCAT\r\n');
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(bodyOutcomes).toEqual(['complete 11 bytes']); // the abandoned one never arrived
  });

  it('answers a chunked body over 10 MiB with 413 itself', async () => {
    const before = seen.length;
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`http://127.0.0.1:${port}/v1/analyze/email`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ type: 'https://traceo.dev/problems/payload-too-large', detail: 'The body must be at most 10485760 bytes.' });
    expect(seen.length).toBe(before);
  });

  it('stops sending a body the Worker already answered, and the next request goes through', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024);
    const early = await fetch(`http://127.0.0.1:${port}/early`, { method: 'POST', body: big });
    expect(early.status).toBe(413);
    const next = await fetch(`http://127.0.0.1:${port}/v1/after`, { method: 'POST', body: 'ok' });
    expect(next.status).toBe(201);
    expect(seen.at(-1)).toMatchObject({ url: '/v1/after', body: 'ok' });
  });

  it('answers a request target over 16 KB with 414, and an HTTP/1.1 request without Host with 400', async () => {
    const long = await fetch(`http://127.0.0.1:${port}/v1/reports?q=${'a'.repeat(17 * 1024)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get('content-type')).toBe('application/problem+json');
    const hostless = await rawExchange(port, 'POST /v1/hostless HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    expect(hostless).toMatch(/^HTTP\/1\.1 400 /);
    expect(hostless).toContain('needs a Host header');
    expect(seen.some((r) => r.url === '/v1/hostless')).toBe(false);
  });

  it('sends an absolute-form target on in origin form, and answers OPTIONS * itself', async () => {
    const absolute = await rawExchange(port, 'GET http://evil.example/v1/absolute?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(absolute).toMatch(/^HTTP\/1\.1 201/);
    expect(seen.at(-1)).toMatchObject({ url: '/v1/absolute?x=1' });
    const star = await rawExchange(port, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(star).toMatch(/^HTTP\/1\.1 204/);
    expect(star).toMatch(/\r\nallow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/i);
  });

  it('passes repeated headers on as sent, so a second Authorization is not lost', async () => {
    await rawExchange(port, 'GET /v1/twice HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer one\r\nAuthorization: Bearer two\r\nConnection: close\r\n\r\n');
    expect(seen.at(-1)).toMatchObject({ url: '/v1/twice', authorization: 'Bearer one, Bearer two' });
  });

  it('answers HEAD and 304 for a compressed resource with headers only, no decoding', async () => {
    const head = await rawExchange(port, 'HEAD /compressed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head).not.toMatch(/content-encoding/i);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
  });

  it('answers 503 problem+json while wrangler is not listening', async () => {
    const lonelyPort = await freePort();
    const lonely = await startFrontDoor({ port: lonelyPort, upstreamPort: await freePort() });
    try {
      const res = await fetch(`http://127.0.0.1:${lonelyPort}/`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('1');
    } finally {
      await lonely.close();
    }
  });
});
