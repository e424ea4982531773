// The stream of things to analyse: one item per message (an mbox yields many) or URL, in order.
// Files are read as they are scanned; an mbox is streamed, so a mailbox of any size fits in memory.
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { MESSAGE_EXTENSIONS } from "./walk.ts";
import { splitMbox } from "./mbox.ts";
import type { Input } from "./plan.ts";

/** Where a result came from: the file (`-` for standard input) and, in an mbox, which message. */
export interface Source {
  file: string | null;
  /** 0-based position of the message in the mbox; null for a file holding one message. */
  index: number | null;
  /** Byte offset of the message's `From ` line in the mbox; null for a file holding one message. */
  offset: number | null;
  url: string | null;
}

export type Work = { seq: number; source: Source; size: number } & ({ kind: "email"; raw: Uint8Array } | { kind: "url"; url: string });

const CHUNK = 1024 * 1024;

/** After a BOM and blank lines, does the text start with an mbox `From ` envelope line? */
export function looksLikeMbox(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x0a || head[i] === 0x0d)) i++;
  return new TextDecoder("latin1").decode(head.subarray(i, i + 5)) === "From ";
}

async function* chunksOf(input: Input): AsyncGenerator<Uint8Array> {
  const stream = input.type === "stdin" ? process.stdin : createReadStream((input as { path: string }).path, { highWaterMark: CHUNK });
  for await (const chunk of stream) yield typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
}

/** Reads until it can tell an mbox from a single message, then hands back every chunk. */
async function sniff(chunks: AsyncGenerator<Uint8Array>): Promise<{ mbox: boolean; all: AsyncGenerator<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let seen = 0;
  while (seen < 64) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value.length;
  }
  const joined = Buffer.concat(head);
  async function* all() {
    yield* head;
    yield* chunks;
  }
  return { mbox: looksLikeMbox(joined.subarray(0, 1024)), all: all() };
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

export async function* workItems(inputs: readonly Input[]): AsyncGenerator<Work> {
  let seq = 0;
  for (const input of inputs) {
    if (input.type === "url") {
      yield { seq: seq++, kind: "url", url: input.url, size: 0, source: { file: null, index: null, offset: null, url: input.url } };
      continue;
    }
    const file = input.type === "stdin" ? "-" : input.path;
    // A .eml file is one message even if it starts with an envelope line (the detector skips it).
    const forcedSingle = input.type === "file" && MESSAGE_EXTENSIONS.includes(extname(input.path).toLowerCase());
    const { mbox, all } = forcedSingle ? { mbox: false, all: chunksOf(input) } : await sniff(chunksOf(input));
    if (!mbox) {
      const raw = await readAll(all);
      yield { seq: seq++, kind: "email", raw, size: raw.length, source: { file, index: null, offset: null, url: null } };
      continue;
    }
    for await (const m of splitMbox(all)) {
      yield { seq: seq++, kind: "email", raw: m.bytes, size: m.bytes.length, source: { file, index: m.index, offset: m.offset, url: null } };
    }
  }
}
