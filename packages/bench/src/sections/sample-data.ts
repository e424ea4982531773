// Deterministic samples of the shared data for benchmarking: every k-th record of each file.
import { join } from "node:path";
import { rawBytes, readEmails, readUrls } from "../../../trainer/src/read-data.ts";
import { EMAIL_FILES } from "../../../trainer/src/featurize.ts";

export async function sampleEmails(dataDir: string, perFile: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const sizes: Record<string, number> = {
    "emails_phishing.jsonl.gz": 5976,
    "emails_ham.jsonl.gz": 4140,
    "emails_spam.jsonl.gz": 1729,
    "emails_ham_modern.jsonl.gz": 61,
  };
  for (const file of EMAIL_FILES) {
    const step = Math.max(1, Math.floor((sizes[file] ?? perFile) / perFile));
    let i = 0;
    let taken = 0;
    for await (const rec of readEmails(join(dataDir, file))) {
      if (i++ % step === 0 && taken < perFile) {
        out.push(rawBytes(rec));
        taken++;
      }
    }
  }
  return out;
}

export async function sampleUrls(dataDir: string, n: number): Promise<string[]> {
  const out: string[] = [];
  let i = 0;
  for await (const rec of readUrls(join(dataDir, "urls.csv.gz"))) {
    if (i++ % Math.floor(99_921 / n) === 0 && out.length < n) out.push(rec.url);
  }
  return out;
}
