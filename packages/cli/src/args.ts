// Command-line options of `traceo scan`, checked up front (a mistake is exit code 2 with one clear line).
import { parseArgs } from "node:util";
import { UsageError } from "./inputs/plan.ts";
import type { FailOn } from "./output/summary.ts";

export const MAIN_HELP = `traceo: phishing verdicts for mail and links, from a terminal

Usage:
  traceo scan [options] <file.eml | mailbox.mbox | folder | URL | -> ...
  traceo --help | traceo scan --help | traceo --version

Commands:
  scan    score messages and URLs; see \`traceo scan --help\`
`;

export const SCAN_HELP = `Usage: traceo scan [options] <input> ...

Inputs (any number, in any mix):
  file.eml            one message (RFC 822)
  mailbox.mbox        an mbox mailbox: every message in it (any file starting with a "From " line)
  folder              recursively: *.eml, *.mbox, *.mbx and Maildir cur/ and new/ files
  https://… http://…  a URL; a bare domain such as paypa1-secure.top/login too, when no such file exists
  -                   standard input (one message or an mbox)

Options:
  --format FORMAT     table (default), json, jsonl or csv; json/jsonl/csv go to standard output or --out
  --out FILE          write --format json|jsonl|csv to FILE and still print the table
  --api URL           send each item to a running Traceo server (e.g. http://127.0.0.1:8787) instead of
                      analysing in-process; needs --key or TRACEO_API_KEY
  --key KEY           API key for --api (prefer the TRACEO_API_KEY environment variable)
  --concurrency N     requests in flight with --api (default 4, 1-64)
  --fail-on VERDICT   phishing (default) or suspicious: the verdict from which the exit code is 1
  --quiet, -q         no progress and no summary
  --help, -h          this help

Exit code: 2 a usage or input error, or some item could not be analysed (its row says why), even if
another is phishing; else 1 something at or above --fail-on; else 0.

Examples:
  traceo scan ~/Mail/inbox.mbox
  traceo scan --format csv --out verdicts.csv ./export/
  traceo scan http://paypa1-secure.top/login github.com/honojs/hono
  TRACEO_API_KEY=sk_test_… traceo scan --api http://127.0.0.1:8787 --format json suspicious.eml > out.json
`;

export type Format = "table" | "json" | "jsonl" | "csv";

export interface ScanOptions {
  inputs: string[];
  format: Format;
  out: string | null;
  api: { base: string; key: string } | null;
  concurrency: number;
  failOn: FailOn;
  quiet: boolean;
  help: boolean;
}

const FORMATS: Format[] = ["table", "json", "jsonl", "csv"];

export function parseScanArgs(argv: readonly string[], env: Record<string, string | undefined>): ScanOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        out: { type: "string" },
        api: { type: "string" },
        key: { type: "string" },
        concurrency: { type: "string" },
        "fail-on": { type: "string" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split("\n")[0]!);
  }
  const v = parsed.values;
  const help = v.help === true;
  const format = (v.format ?? "table") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${v.format}"`);
  if (v.out !== undefined && format === "table") throw new UsageError("--out needs --format json, jsonl or csv");
  const failOn = (v["fail-on"] ?? "phishing") as FailOn;
  if (failOn !== "phishing" && failOn !== "suspicious") throw new UsageError(`--fail-on must be phishing or suspicious, not "${v["fail-on"]}"`);
  const concurrency = v.concurrency === undefined ? 4 : Number(v.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${v.concurrency}"`);
  const key = v.key ?? env.TRACEO_API_KEY;
  let api: ScanOptions["api"] = null;
  if (v.api !== undefined) {
    let url: URL;
    try {
      url = new URL(v.api);
    } catch {
      throw new UsageError(`--api must be the server's base URL, such as http://127.0.0.1:8787, not "${v.api}"`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--api must be an http:// or https:// URL, not "${v.api}"`);
    if (!key) throw new UsageError("--api needs an API key: --key KEY or the TRACEO_API_KEY environment variable");
    api = { base: v.api, key };
  } else if (v.key !== undefined) {
    throw new UsageError("--key is only used with --api URL (without --api the scan runs in-process)");
  }
  return { inputs: parsed.positionals, format, out: v.out ?? null, api, concurrency, failOn, quiet: v.quiet === true, help };
}
