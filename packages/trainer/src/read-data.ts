// Streams the shared training files (gzip JSON Lines for emails, gzip CSV for URLs) in file order,
// so feature matrices always come out in the same row order.
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

export interface EmailRecord {
  id: string;
  label: "phishing" | "ham" | "spam";
  source: string;
  sa_folder?: string;
  date_header: string | null;
  raw_encoding: "utf-8" | "latin-1";
  raw: string;
}

export interface UrlRecord {
  url: string;
  label: "phishing" | "benign";
  source: string;
}

async function* gzLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield line;
}

export async function* readEmails(path: string): AsyncGenerator<EmailRecord> {
  for await (const line of gzLines(path)) yield JSON.parse(line) as EmailRecord;
}

/** The original bytes, as the data README prescribes. */
export function rawBytes(rec: EmailRecord): Uint8Array {
  return Buffer.from(rec.raw, rec.raw_encoding === "utf-8" ? "utf8" : "latin1");
}

/** RFC 4180 fields of one line (the URL files have no embedded newlines). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let field = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else field += line[i++];
      }
      out.push(field);
      i++; // skip the comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

export async function* readUrls(path: string): AsyncGenerator<UrlRecord> {
  let header = true;
  for await (const line of gzLines(path)) {
    if (header) {
      header = false;
      continue;
    }
    const [url, label, source] = parseCsvLine(line);
    if (url === undefined || (label !== "phishing" && label !== "benign") || source === undefined) {
      throw new Error(`${path}: bad CSV line ${line.slice(0, 120)}`);
    }
    yield { url, label, source };
  }
}

export function present(path: string): boolean {
  return existsSync(path);
}
