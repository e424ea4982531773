// `npm run cli:parity -- [--data ../shared/data] [--count 1000] [--seed 7] [--api URL --key KEY] [--concurrency 4]`
// Builds an mbox of N shared-data messages (mixed phishing/ham/spam, fixed seed), scans it with
// `traceo scan` in-process and with --api against `npm run dev` on a random port (or the server
// given), and reports how many results are equal and how long each run took.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiKey } from "@traceo/ops";
import { compareRuns } from "./compare.ts";
import { startDevServer, type DevServer } from "./dev-server.ts";
import { writeSampleMbox } from "./sample.ts";

const ROOT = resolve(fileURLToPath(new URL("../../../..", import.meta.url)));
const BIN = join(ROOT, "packages/cli/bin/traceo.mjs");
const say = (line: string) => console.log(`[parity] ${line}`);

const { values } = parseArgs({
  options: {
    data: { type: "string", default: join(ROOT, "../shared/data") },
    count: { type: "string", default: "1000" },
    seed: { type: "string", default: "7" },
    api: { type: "string" },
    key: { type: "string" },
    concurrency: { type: "string", default: "4" },
    keep: { type: "boolean", default: false },
  },
});

/** Runs `traceo scan`, its stderr (progress) passed through; resolves with exit code, stdout and seconds. */
function runTraceo(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, "scan", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolvePromise({ code: code ?? -1, stdout, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The summary (and the table's first rows) of a run, as a person would see them. */
function showRun(name: string, stdout: string): void {
  const lines = stdout.trimEnd().split("\n");
  say(`${name}: table (${lines.length - 4} rows), first rows and summary:`);
  for (const line of [...lines.slice(0, 4), "  …", ...lines.slice(-2)]) console.log(`    ${line}`);
}

async function main(): Promise<number> {
  const count = Number(values.count);
  const dir = mkdtempSync(join(tmpdir(), "traceo-parity-"));
  let server: DevServer | null = null;
  try {
    const mbox = join(dir, `shared-${count}.mbox`);
    const { labels } = await writeSampleMbox({ data: values.data!, count, seed: Number(values.seed), out: mbox });
    const mix = labels.reduce<Record<string, number>>((m, l) => ((m[l] = (m[l] ?? 0) + 1), m), {});
    say(`wrote ${labels.length} messages (${Object.entries(mix).map(([l, n]) => `${n} ${l}`).join(", ")}) to ${mbox}`);

    let base = values.api;
    let key = values.key ?? process.env.TRACEO_API_KEY;
    if (!base) {
      server = await startDevServer(ROOT, say);
      base = server.base;
      // Enterprise: 1,000 a minute, so the limiter does not slow the comparison down.
      key = (await createApiKey({ databaseUrl: process.env.DATABASE_URL, name: "cli parity", tier: "enterprise" })).key;
      say("created an enterprise-tier key for this run");
    }
    if (!key) throw new Error("--api needs --key or TRACEO_API_KEY");

    const localJson = join(dir, "in-process.json");
    const apiJson = join(dir, "api.json");
    const local = await runTraceo(["--format", "json", "--out", localJson, mbox], {});
    showRun(`in-process (exit ${local.code})`, local.stdout);
    const api = await runTraceo(["--format", "json", "--out", apiJson, "--api", base, "--concurrency", values.concurrency!, mbox], { TRACEO_API_KEY: key });
    showRun(`--api ${base} (exit ${api.code})`, api.stdout);
    if (api.code === 2 || local.code === 2) say("a run exited with 2: some items could not be analysed or the API failed (see above)");

    const result = compareRuns(JSON.parse(readFileSync(localJson, "utf8")), JSON.parse(readFileSync(apiJson, "utf8")));
    say(`equal results (verdict, score, probability, reasons, urls, headers, subject, model): ${result.equal}/${result.total}`);
    say(`byte-identical JSON records (--api record minus id and created_at): ${result.identical}/${result.total}`);
    for (const d of result.differences.slice(0, 10)) say(`  differs: message ${d.index}: ${d.fields.join(", ")}`);
    say(`in-process: ${local.seconds.toFixed(1)} s (${(count / local.seconds).toFixed(1)} msg/s, process start and model load included)`);
    say(`--api (concurrency ${values.concurrency}): ${api.seconds.toFixed(1)} s (${(count / api.seconds).toFixed(1)} msg/s)`);
    writeFileSync(join(dir, "comparison.json"), JSON.stringify(result, null, 2));
    if (values.keep) say(`kept ${dir}`);
    return result.equal === result.total && result.total === count ? 0 : 1;
  } finally {
    await server?.stop();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[parity] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
