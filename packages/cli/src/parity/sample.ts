// A fixed-seed sample of shared-data messages written as an mboxrd mailbox, for `npm run cli:parity`.
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { join } from "node:path";
import { escapeMboxBody } from "../inputs/mbox.ts";

interface Sampled {
  id: string;
  label: string;
  bytes: Buffer;
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reservoir sample of `k` records from a gzipped JSON Lines file, in one pass. */
async function reservoir(path: string, k: number, random: () => number): Promise<Sampled[]> {
  const picked: Sampled[] = [];
  let seen = 0;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const slot = seen < k ? seen : Math.floor(random() * (seen + 1));
    seen++;
    if (slot >= k) continue;
    const rec = JSON.parse(line) as { id: string; label: string; raw: string; raw_encoding: string };
    picked[slot] = { id: rec.id, label: rec.label, bytes: Buffer.from(rec.raw, rec.raw_encoding === "utf-8" ? "utf8" : "latin1") };
  }
  return picked;
}

/** Half phishing, 35% ham, 15% spam, shuffled; returns the labels in mailbox order. */
export async function writeSampleMbox(opts: { data: string; count: number; seed: number; out: string }): Promise<{ labels: string[] }> {
  const random = seededRandom(opts.seed);
  const phishing = Math.round(opts.count * 0.5);
  const spam = Math.round(opts.count * 0.15);
  const ham = opts.count - phishing - spam;
  const all = [
    ...(await reservoir(join(opts.data, "emails_phishing.jsonl.gz"), phishing, random)),
    ...(await reservoir(join(opts.data, "emails_ham.jsonl.gz"), ham, random)),
    ...(await reservoir(join(opts.data, "emails_spam.jsonl.gz"), spam, random)),
  ];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const out = createWriteStream(opts.out);
  for (const m of all) {
    // latin1 maps each byte to one character and back, so escaping never changes other bytes.
    const body = escapeMboxBody(m.bytes.toString("latin1"));
    out.write(Buffer.from(`From ${m.label}-${m.id}@traceo.parity Thu Dec  3 19:33:38 2026\n${body}${body.endsWith("\n") ? "" : "\n"}\n`, "latin1"));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { labels: all.map((m) => m.label) };
}
