// Turns the shared corpora into feature matrices (TSV) for train.py. Row order is file order,
// files in a fixed order, so two runs write identical matrices.
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { features } from "./features-adapter.ts";
import { present, rawBytes, readEmails, readUrls, type EmailRecord } from "./read-data.ts";

export const EMAIL_FILES = [
  "emails_phishing.jsonl.gz",
  "emails_ham.jsonl.gz",
  "emails_spam.jsonl.gz",
  "emails_ham_modern.jsonl.gz",
] as const;

export const URL_FILES = ["urls.csv.gz", "urls_benign_diverse.csv.gz", "urls_extra_2014_2016.csv.gz"] as const;

export interface FeaturizeStats {
  rows: number;
  skipped: Record<string, number>;
}

const META = ["id", "y", "cls", "corpus", "group"];

function cell(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? "nan" : String(v);
}

function writeRow(out: WriteStream, meta: string[], values: ArrayLike<number | null>): void {
  const cells = meta.map((m) => m.replace(/[\t\n]/g, " "));
  for (let i = 0; i < values.length; i++) cells.push(cell(values[i]));
  out.write(cells.join("\t") + "\n");
}

/** Coarse corpus (for the corpus-identification check) and finer LOSO group of an email. */
export function emailCorpus(rec: EmailRecord): { corpus: string; group: string } {
  if (rec.label === "phishing") {
    const year = rec.date_header ? Number(rec.date_header.slice(0, 4)) : Number.NaN;
    // The Date header only picks the era bucket for leave-one-era-out; it is never a model input.
    const era = year >= 2025 ? "2025-2026" : year === 2024 ? "2024" : "2023-or-earlier";
    return { corpus: "phishing_pot", group: `phishing_pot:${era}` };
  }
  if (rec.source === "spamassassin_public_corpus") {
    const corpus = rec.label === "spam" ? "sa_spam" : "sa_ham";
    // hard_ham_2 mostly duplicates hard_ham (data README), so they form one group.
    const folder = rec.sa_folder === "hard_ham_2" ? "hard_ham" : (rec.sa_folder ?? "unknown");
    return { corpus, group: `${corpus}:${folder}` };
  }
  return {
    corpus: "modern_ham",
    group: rec.source === "ha_mail_and_packages" ? "modern_ham:ha_mail_and_packages" : "modern_ham:other_fixtures",
  };
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/**
 * Emails to `outPath`, and every link of every email, as URL-feature rows keyed by email id, to
 * `linksPath`: train.py scores the links with the URL model to derive the email model's link-score feature.
 */
export async function featurizeEmails(dataDir: string, outPath: string, linksPath: string): Promise<FeaturizeStats> {
  const out = createWriteStream(outPath);
  const links = createWriteStream(linksPath);
  out.write([...META, ...features.emailNames].join("\t") + "\n");
  links.write(["email_id", ...features.urlNames].join("\t") + "\n");
  const stats: FeaturizeStats = { rows: 0, skipped: {} };
  for (const file of EMAIL_FILES) {
    const path = join(dataDir, file);
    if (!present(path)) throw new Error(`missing ${path}`);
    for await (const rec of readEmails(path)) {
      const { corpus, group } = emailCorpus(rec);
      let row: { values: ArrayLike<number | null>; urls: readonly string[] };
      try {
        row = await features.emailRow(rawBytes(rec));
      } catch (err) {
        const key = `${file}: ${(err as Error).name}`;
        stats.skipped[key] = (stats.skipped[key] ?? 0) + 1;
        continue;
      }
      writeRow(out, [rec.id, rec.label === "phishing" ? "1" : "0", rec.label, corpus, group], row.values);
      for (const url of row.urls) {
        try {
          writeRow(links, [rec.id], features.urlRow(url));
        } catch {
          // a link the URL features cannot parse is not scored at inference either
        }
      }
      stats.rows++;
    }
  }
  await closeStream(out);
  await closeStream(links);
  return stats;
}

export async function featurizeUrls(dataDir: string, outPath: string): Promise<FeaturizeStats> {
  const out = createWriteStream(outPath);
  out.write([...META, "url", ...features.urlNames].join("\t") + "\n");
  const stats: FeaturizeStats = { rows: 0, skipped: {} };
  for (const file of URL_FILES) {
    const path = join(dataDir, file);
    if (!present(path)) {
      stats.skipped[`${file}: absent`] = 1;
      continue;
    }
    let n = 0;
    for await (const rec of readUrls(path)) {
      const id = `${file.replace(/\.csv\.gz$/, "")}:${n++}`;
      let values: ArrayLike<number | null>;
      try {
        values = features.urlRow(rec.url);
      } catch (err) {
        const key = `${file}: ${(err as Error).name}`;
        stats.skipped[key] = (stats.skipped[key] ?? 0) + 1;
        continue;
      }
      const y = rec.label === "phishing" ? "1" : "0";
      writeRow(out, [id, y, rec.label, rec.source, rec.source, rec.url], values);
      stats.rows++;
    }
  }
  await closeStream(out);
  return stats;
}
