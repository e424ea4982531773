// A request body limit that holds whatever the headers say. Hono's bodyLimit trusts any
// Content-Length it can parseInt (a non-numeric one passes unchecked) and, past the limit, leaves
// the stream half-read; here a malformed length is refused and an oversized stream is cancelled.
import type { MiddlewareHandler } from "hono";
import { problems } from "./catalog.ts";

const DIGITS = /^\d{1,16}$/;

async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // The request body is the client's stream: it fails only when the client goes away mid-body.
    const { done, value } = await reader.read().catch(() => {
      throw problems.clientClosedRequest();
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function limitBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined) {
      if (!DIGITS.test(declared.trim())) throw problems.invalidContentLength();
      if (Number(declared) > maxBytes) throw problems.payloadTooLarge(maxBytes);
    }
    const body = c.req.raw.body;
    if (body) {
      const bytes = await readAtMost(body, maxBytes);
      if (bytes === null) throw problems.payloadTooLarge(maxBytes);
      c.req.raw = new Request(c.req.raw, { body: bytes });
    }
    await next();
  };
}
