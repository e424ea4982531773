// npm run bench:load [-- --seconds 10 --connections 1,16,64 --soak 300 --keys 100]
// Drives the analyze Worker under `wrangler dev` (workerd) with Debian's wrk at each concurrency
// for a fixed time, beside a bare Hono handler in the same runtime (the runtime's own limit), and
// prints throughput and p50/p99 latency with the ratio. Then a soak on the email endpoint: the Worker
// isolate's live heap after a full GC each minute (through the inspector), workerd's resident memory,
// errors, and every 200 checked against the reports stored.
// Needs Postgres and Redis on their usual local ports and `wrk` (apt-get install wrk).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { slopeMiBPerMinute, groupRssMiB } from "./memory.ts";
import { COMPARISON_HEADER, comparisonRow, slopeText, statusSummary } from "./format.ts";
import { startLoadStack, type LoadStack } from "./stack.ts";
import { runWrk, type WrkResult } from "./wrk.ts";

const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "1,16,64" },
    soak: { type: "string", default: "300" },
    keys: { type: "string", default: "100" },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = values.connections.split(",").map(Number);
const SOAK_SECONDS = Number(values.soak);
const SOAK_CONNECTIONS = 16;
const QUIET_BEFORE_LAST_SAMPLE_MS = 10_000;
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

if (![SECONDS, SOAK_SECONDS, Number(values.keys), ...CONNECTIONS].every((n) => Number.isInteger(n) && n >= 0) || SECONDS < 1 || CONNECTIONS.some((c) => c < 1)) {
  console.error("bench:load: --seconds, --connections (comma-separated), --soak and --keys take whole numbers");
  process.exit(2);
}
if (spawnSync("wrk", ["--version"]).error) {
  console.error("bench:load needs wrk on PATH: apt-get install wrk");
  process.exit(2);
}

const say = (line: string) => console.log(`[load] ${line}`);
const work = mkdtempSync(join(tmpdir(), "traceo-load-"));
const urlBody = join(work, "url.json");
writeFileSync(urlBody, JSON.stringify({ url: "http://secure-login.paypa1-account-verify.com/signin?session=expired" }));
const emailBody = join(work, "email.eml");
writeFileSync(emailBody, readFileSync(join(ROOT, "test/fixtures/emails/phishing-verify-account.eml")));
const ENDPOINTS = [
  { name: "POST /v1/analyze/url", path: "/v1/analyze/url", bodyFile: urlBody, contentType: "application/json" },
  { name: "POST /v1/analyze/email", path: "/v1/analyze/email", bodyFile: emailBody, contentType: "message/rfc822" },
];

async function comparisons(stack: LoadStack, keysFile: string): Promise<void> {
  console.log(`\nThroughput and latency, ${SECONDS} s per run (wrk -t min(2,c) -c c; every analyze answer also stores a report):`);
  console.log(COMPARISON_HEADER);
  for (const endpoint of ENDPOINTS) {
    for (const connections of CONNECTIONS) {
      const common = { connections, seconds: SECONDS, bodyFile: endpoint.bodyFile, contentType: endpoint.contentType };
      const bare = await runWrk({ ...common, url: stack.bareBase + endpoint.path });
      const analyze = await runWrk({ ...common, url: stack.analyzeBase + endpoint.path, keysFile });
      console.log(comparisonRow(endpoint.name, connections, analyze, bare));
      if (analyze.errors > 0) console.log(`${"".padEnd(26)}analyze answers: ${statusSummary(analyze)}`);
    }
  }
}

/** The report count once it has stopped moving (requests wrk cut off at its deadline still finish). */
async function settledReportCount(stack: LoadStack): Promise<number> {
  let last = await stack.countReports();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await stack.countReports();
    if (now === last) return now;
    last = now;
  }
}

async function soak(stack: LoadStack, keysFile: string): Promise<void> {
  const endpoint = ENDPOINTS[1]!;
  console.log(`\nSoak: ${endpoint.name}, ${SOAK_CONNECTIONS} connections for ${SOAK_SECONDS} s; the Worker's live heap after a full GC every minute, workerd's RSS every 10 s:`);
  const reportsBefore = await settledReportCount(stack);
  const heap: { seconds: number; mib: number }[] = [{ seconds: 0, mib: await stack.analyzeInspector.heapAfterGcMiB() }];
  const rss: { seconds: number; mib: number }[] = [{ seconds: 0, mib: groupRssMiB(stack.analyzePgid) }];
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const sampler = setInterval(() => {
    const seconds = elapsed();
    rss.push({ seconds, mib: groupRssMiB(stack.analyzePgid) });
    if (seconds % 60 < 10 && seconds < SOAK_SECONDS - 5) {
      void stack.analyzeInspector.heapAfterGcMiB().then((mib) => {
        heap.push({ seconds, mib });
        say(`soak ${seconds} s: Worker heap after GC ${mib.toFixed(1)} MiB, workerd RSS ${rss.at(-1)!.mib.toFixed(0)} MiB`);
      });
    }
  }, 10_000);
  let result: WrkResult;
  try {
    result = await runWrk({ url: stack.analyzeBase + endpoint.path, connections: SOAK_CONNECTIONS, seconds: SOAK_SECONDS, bodyFile: endpoint.bodyFile, contentType: endpoint.contentType, keysFile });
  } finally {
    clearInterval(sampler);
  }
  const stored = (await settledReportCount(stack)) - reportsBefore;
  // The end sample after a quiet spell: work the last requests left behind (usage rows written after
  // the answer, pooled sockets closing) is not memory the isolate keeps.
  await new Promise((resolve) => setTimeout(resolve, QUIET_BEFORE_LAST_SAMPLE_MS));
  heap.push({ seconds: elapsed(), mib: await stack.analyzeInspector.heapAfterGcMiB() });
  rss.push({ seconds: elapsed(), mib: groupRssMiB(stack.analyzePgid) });
  const ok = result.statuses["200"] ?? 0;
  // wrk stops on the clock with up to one request per connection in flight: those are stored, never counted.
  const inFlight = stored - ok;
  const mismatch = inFlight < 0 || inFlight > SOAK_CONNECTIONS;
  const mib = (n: number) => `${n.toFixed(1)} MiB`;
  console.log(`  requests ${result.requests} (${result.requestsPerSecond.toFixed(1)}/s), p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms; answers: ${statusSummary(result)}; socket errors and non-2xx: ${result.errors}`);
  console.log(`  reports stored: ${stored} = ${ok} answered 200 + ${inFlight} in flight when wrk stopped (at most ${SOAK_CONNECTIONS})${mismatch ? " — MISMATCH" : ""}`);
  console.log(`  Worker heap after GC (MiB): ${heap.map((s) => `${s.seconds}s ${s.mib.toFixed(1)}`).join(", ")}; start ${mib(heap[0]!.mib)}, end ${mib(heap.at(-1)!.mib)}${slopeText(heap.length, slopeMiBPerMinute(heap))}`);
  console.log(
    `  workerd RSS (this wrangler dev's processes, its dev proxies included): start ${mib(rss[0]!.mib)}, end ${mib(rss.at(-1)!.mib)}, max ${mib(Math.max(...rss.map((s) => s.mib)))}`,
  );
}

async function main(): Promise<void> {
  say(`${cpus().length} cores; wrk, Postgres and Redis on this machine share them with workerd`);
  const stack = await startLoadStack({ root: ROOT, adminUrl: ADMIN_URL, keys: Number(values.keys), logFile: join(work, "wrangler.log"), log: say });
  const keysFile = join(work, "keys.txt");
  writeFileSync(keysFile, stack.apiKeys.join("\n") + "\n");
  try {
    // Warm-up, not reported: first isolate start, connection pools, JIT.
    for (const endpoint of ENDPOINTS) {
      await runWrk({ url: stack.bareBase + endpoint.path, connections: 16, seconds: 3, bodyFile: endpoint.bodyFile, contentType: endpoint.contentType });
      await runWrk({ url: stack.analyzeBase + endpoint.path, connections: 16, seconds: 3, bodyFile: endpoint.bodyFile, contentType: endpoint.contentType, keysFile });
    }
    await comparisons(stack, keysFile);
    if (SOAK_SECONDS > 0) await soak(stack, keysFile);
  } finally {
    await stack.stop();
    rmSync(keysFile, { force: true }); // live keys (of a scratch database) do not stay on disk
  }
  rmSync(work, { recursive: true, force: true }); // on failure it stays, for wrangler.log
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:load failed: ${error instanceof Error ? error.message : String(error)} (wrangler's log: ${join(work, "wrangler.log")})`);
    process.exit(1);
  },
);
