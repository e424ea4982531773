// Splits an mbox mailbox into messages as its bytes stream in (never the whole file in memory).
// Rules (mboxrd, the variant that round-trips): a message starts at a `From ` envelope line at the
// start of the file or after a blank line; the blank line before it belongs to the separator; body
// lines `>From `, `>>From `… lose one `>`. After a blank line, a `From ` line counts as an envelope
// only if it carries a time (asctime: "From sender Thu Dec  3 19:33:38 2026"), so an unescaped
// paragraph such as "From the desk of…" written by a sloppy mboxo writer does not split a message.
// LF and CRLF line endings are both read; the message bytes are returned exactly as stored.
// Pure (Uint8Array in, Uint8Array out): runs in Node and in workerd.

export interface MboxMessage {
  /** 0-based position in the mailbox. */
  index: number;
  /** Byte offset of the message's `From ` line in the mailbox (of its first line if it has none). */
  offset: number;
  /** The envelope line without `From ` and the line ending, or null for text before the first one. */
  envelope: string | null;
  bytes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_ = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "
const ENVELOPE_TIME = /\d{1,2}:\d{2}/;

function startsWithFrom(line: Uint8Array, at: number): boolean {
  if (line.length < at + FROM_.length) return false;
  for (let i = 0; i < FROM_.length; i++) if (line[at + i] !== FROM_[i]) return false;
  return true;
}

function isBlank(line: Uint8Array): boolean {
  return (line.length === 1 && line[0] === LF) || (line.length === 2 && line[0] === CR && line[1] === LF);
}

const latin1 = new TextDecoder("latin1");

function envelopeOf(line: Uint8Array): string {
  return latin1.decode(line.subarray(FROM_.length)).replace(/\r?\n$/, "");
}

/** `>From ` / `>>From `…: an escaped body line; returns the line with one `>` fewer, else the line. */
function unescapeLine(line: Uint8Array): Uint8Array {
  if (line[0] !== GT) return line;
  let i = 0;
  while (line[i] === GT) i++;
  return startsWithFrom(line, i) ? line.subarray(1) : line;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Lines (each with its line ending, the last one maybe without) of a stream of byte chunks. */
async function* linesOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, nl + 1);
      if (carry.length > 0) {
        carry.push(piece);
        yield concat(carry);
        carry = [];
      } else {
        yield piece;
      }
      start = nl + 1;
    }
    // Copy: a stream may reuse its chunk's memory once we return.
    if (start < chunk.length) carry.push(chunk.slice(start));
  }
  if (carry.length > 0) yield concat(carry);
}

export async function* splitMbox(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<MboxMessage> {
  let index = 0;
  let offset = 0; // of the current line
  let current: { offset: number; envelope: string | null; lines: Uint8Array[] } | null = null;
  let previousBlank = true; // the start of the file counts as "after a blank line"
  let seenContent = false;

  const finish = (): MboxMessage | null => {
    if (current === null) return null;
    const lines = current.lines;
    if (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop(); // the separator's blank line
    // Text before the first envelope that is only blank lines is not a message.
    if (current.envelope === null && lines.every(isBlank)) return null;
    return { index: index++, offset: current.offset, envelope: current.envelope, bytes: concat(lines) };
  };

  for await (const read of linesOf(chunks)) {
    // A byte-order mark (an editor's doing) is not part of the mailbox.
    const line = offset === 0 && read[0] === 0xef && read[1] === 0xbb && read[2] === 0xbf ? read.subarray(3) : read;
    const separator = previousBlank && startsWithFrom(line, 0) && (!seenContent || ENVELOPE_TIME.test(envelopeOf(line)));
    if (separator) {
      const done = finish();
      if (done) yield done;
      current = { offset, envelope: envelopeOf(line), lines: [] };
    } else {
      current ??= { offset, envelope: null, lines: [] };
      current.lines.push(unescapeLine(line));
    }
    if (!isBlank(line)) seenContent = true;
    previousBlank = isBlank(line);
    offset += read.length;
  }
  const last = finish();
  if (last) yield last;
}

/** mboxrd escaping for writers (tests, the parity script): one more `>` before any `>*From ` line. */
export function escapeMboxBody(text: string): string {
  return text.replace(/^(>*From )/gm, ">$1");
}
