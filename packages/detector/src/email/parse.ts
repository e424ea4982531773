// Turns a raw RFC 822 message into the parts features look at. postal-mime does the MIME
// work (quoted-printable, base64, encoded words); when it fails on a broken structure we fall
// back to a plain header/body split so the message can still be analysed.
import PostalMime, { type Address, type Email } from "postal-mime";
import { countMimeDelimiters, MAX_MIME_PARTS } from "./mime-parts.ts";

export class EmailParseError extends Error {
  override readonly name = "EmailParseError";
  constructor(message: string) {
    super(message);
  }
}

export interface Mailbox {
  name: string;
  address: string;
}

export interface ParsedAttachment {
  filename: string | null;
  mimeType: string;
  disposition: string | null;
  /** Decoded size in bytes. */
  size: number;
  /** First bytes (latin1), for sniffing the real type (MZ, PK, %PDF, OLE). */
  head: string;
  /** Decoded text of text-like parts (HTML, SVG, scripts), capped; null for binary parts. */
  text: string | null;
  /** True when the part is an inline image referenced by the HTML. */
  related: boolean;
}

export interface ParsedEmail {
  /** Every header, lower-case key, unfolded value. For header claims only, never features. */
  headers: { key: string; value: string }[];
  subject: string | null;
  from: Mailbox | null;
  replyTo: Mailbox[];
  returnPath: string | null;
  text: string | null;
  html: string | null;
  attachments: ParsedAttachment[];
  /** True when MIME parsing failed or found no body and a plain split was used instead. */
  degraded: boolean;
}

const MAX_TEXT_ATTACHMENT = 256 * 1024;
/**
 * Header lines of all parts together; more is refused (Postfix's own limit is 100 KB). postal-mime
 * spends ~1.5 µs per header line: 1 MB of short headers took 200 ms (found by npm run fuzz).
 */
export const MAX_HEADER_BYTES = 256 * 1024;
const HEAD_BYTES = 512;
const TEXTUAL_ATTACHMENT = /^(text\/|image\/svg|application\/(x-)?(javascript|ecmascript|xhtml|hta|vbscript|x-sh)|message\/)/;
const TEXTUAL_NAME = /\.(html?|xhtml|shtml|svg|js|jse|vbs|vbe|hta|wsf|txt|eml|mht|mhtml|xml|ps1|bat|cmd)$/i;
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]{1,100}:/;

function toBytes(raw: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof raw === "string") return new TextEncoder().encode(raw);
  return raw instanceof Uint8Array ? raw : new Uint8Array(raw);
}

/** Removes a leading mbox `From ` envelope line. */
export function stripMboxFromLine(text: string): string {
  if (!text.startsWith("From ")) return text;
  const nl = text.indexOf("\n");
  return nl === -1 ? "" : text.slice(nl + 1);
}

/** Byte offset where the message starts: after a BOM, leading blank lines and an mbox `From ` line. */
function messageStart(bytes: Uint8Array): number {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Blank lines before the headers (copy-paste) would otherwise read as an empty header block.
  while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
  // "From " (not "From:"): an mbox envelope line, written by the mailbox, not the sender.
  if (bytes[start] === 0x46 && bytes[start + 1] === 0x72 && bytes[start + 2] === 0x6f && bytes[start + 3] === 0x6d && bytes[start + 4] === 0x20) {
    const nl = bytes.indexOf(0x0a, start);
    start = nl === -1 ? bytes.length : nl + 1;
  }
  return start;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) bad++;
  }
  return bad > sample.length * 0.02;
}

/** Refuses input that cannot be a message: empty, binary, or without a header block. */
function assertLooksLikeEmail(text: string): void {
  if (text.trim() === "") throw new EmailParseError("the message is empty");
  if (looksBinary(text)) throw new EmailParseError("the input is binary data, not an e-mail message");
  const firstLine = text.replace(/^\s+/, "").slice(0, 1000).split(/\r?\n/, 1)[0] ?? "";
  if (!HEADER_LINE.test(firstLine)) {
    throw new EmailParseError("the input does not start with e-mail headers (expected lines such as 'From: ...' and 'Subject: ...')");
  }
}

function mailbox(addr: Address | undefined): Mailbox | null {
  if (!addr) return null;
  if (addr.address !== undefined) return { name: addr.name ?? "", address: addr.address ?? "" };
  const first = addr.group?.[0];
  return first ? { name: first.name ?? "", address: first.address ?? "" } : null;
}

function bytesOf(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function latin1(bytes: Uint8Array, max: number): string {
  return String.fromCharCode(...bytes.subarray(0, Math.min(max, bytes.length)));
}

function attachmentsOf(email: Email): ParsedAttachment[] {
  return email.attachments.slice(0, 50).map((a) => {
    const bytes = bytesOf(a.content);
    const textual = TEXTUAL_ATTACHMENT.test(a.mimeType) || TEXTUAL_NAME.test(a.filename ?? "");
    return {
      filename: a.filename,
      mimeType: a.mimeType,
      disposition: a.disposition,
      size: bytes.length,
      head: latin1(bytes, HEAD_BYTES),
      text: textual ? new TextDecoder("utf-8").decode(bytes.subarray(0, MAX_TEXT_ATTACHMENT)) : null,
      related: a.related === true,
    };
  });
}

/** Unfolds a header block into key/value pairs (used only for the fallback path). */
function splitHeaders(text: string): { headers: { key: string; value: string }[]; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  const headerBlock = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : "";
  const headers: { key: string; value: string }[] = [];
  for (const line of headerBlock.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length) {
      const last = headers[headers.length - 1] as { key: string; value: string };
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon > 0) headers.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return { headers, body };
}

function firstAddress(value: string | undefined): Mailbox | null {
  if (!value) return null;
  const angle = /<([^<>\s]{1,254})>/.exec(value);
  // A bare address starts where its token starts and its local part holds no "@" (linear, not retried from
  // every position of a long token).
  const bare = /(?<![^\s<>"',;])([^\s<>"',;@]{1,64}@[^\s<>"',;]{1,190})/.exec(value);
  const address = angle?.[1] ?? bare?.[1] ?? "";
  const name = angle ? value.slice(0, angle.index).replace(/"/g, "").trim() : "";
  return address || name ? { name, address } : null;
}

function fallbackParse(text: string): ParsedEmail {
  const { headers, body } = splitHeaders(text);
  const get = (k: string) => headers.find((h) => h.key === k)?.value;
  const looksHtml = /<(html|body|a\s|div|table|p[\s>])/i.test(body.slice(0, 20000));
  const replyTo = firstAddress(get("reply-to"));
  return {
    headers,
    subject: get("subject") ?? null,
    from: firstAddress(get("from")),
    replyTo: replyTo ? [replyTo] : [],
    returnPath: firstAddress(get("return-path"))?.address ?? null,
    text: looksHtml ? null : body,
    html: looksHtml ? body : null,
    attachments: [],
    degraded: true,
  };
}

/** Parses a raw message; throws only EmailParseError. */
export async function parseEmail(raw: string | Uint8Array | ArrayBuffer): Promise<ParsedEmail> {
  if (typeof raw !== "string" && !(raw instanceof Uint8Array) && !(raw instanceof ArrayBuffer)) {
    throw new EmailParseError("the message must be a string or bytes");
  }
  // Work on bytes: postal-mime decodes raw 8-bit headers as UTF-8 only when it gets bytes.
  const all = toBytes(raw);
  const bytes = all.subarray(messageStart(all));
  const head = latin1(bytes, 4096);
  assertLooksLikeEmail(head);
  const delimiters = countMimeDelimiters(new TextDecoder("utf-8").decode(bytes));
  if (delimiters > MAX_MIME_PARTS) {
    throw new EmailParseError(`the message has more than ${MAX_MIME_PARTS.toLocaleString("en")} MIME parts (${delimiters.toLocaleString("en")} boundary lines)`);
  }
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer", maxHeadersSize: MAX_HEADER_BYTES });
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("Maximum header size")) {
      throw new EmailParseError(`the message's headers (all parts together) are larger than ${MAX_HEADER_BYTES / 1024} KB`);
    }
    return fallbackParse(new TextDecoder("utf-8").decode(bytes));
  }
  const rawFrom = email.headers.find((h) => h.key === "from")?.value;
  let from = mailbox(email.from);
  if (rawFrom && (!from || !from.address)) {
    // Malformed From headers (stray commas, junk after the address) defeat the address parser;
    // the address the sender wrote is still there.
    const recovered = firstAddress(rawFrom);
    if (recovered?.address) from = { name: from?.name || recovered.name, address: recovered.address };
  }
  const parsed: ParsedEmail = {
    headers: email.headers.map((h) => ({ key: h.key, value: h.value })),
    subject: email.subject ?? null,
    from,
    replyTo: (email.replyTo ?? []).map((a) => mailbox(a)).filter((m): m is Mailbox => m !== null),
    returnPath: email.returnPath ?? null,
    text: email.text ?? null,
    html: email.html ?? null,
    attachments: attachmentsOf(email),
    degraded: false,
  };
  if (!parsed.text && !parsed.html && parsed.attachments.length === 0) {
    // A broken multipart (missing or wrong boundary) can leave postal-mime with no parts at all.
    const fallback = fallbackParse(new TextDecoder("utf-8").decode(bytes));
    if ((fallback.text ?? fallback.html ?? "").trim() !== "") {
      return { ...parsed, text: fallback.text, html: fallback.html, degraded: true };
    }
  }
  return parsed;
}
