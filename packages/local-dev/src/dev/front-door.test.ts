import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './listen-fallback.ts';
import { startFrontDoor, type FrontDoor } from './front-door.ts';

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
  const seen: { method?: string; url?: string; host?: string; body: string }[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, host: req.headers.host, body });
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
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/v1/analyze/url?x=1', host: `127.0.0.1:${port}`, body: '{"url":"http://a.com"}' });
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
