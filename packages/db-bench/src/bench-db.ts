// npm run bench:db [-- --reports N --usage N --keep]
// Builds a scratch database with generated data, then prints in one run: report search p50/p95
// over 20 typical queries; a 30-day usage aggregation for one key on the partitioned, indexed table
// beside the same query on an unpartitioned, unindexed copy; batched usage-insert throughput.
import { parseArgs } from "node:util";
import { sql, CompiledQuery, type Kysely } from "kysely";
import { insertUsageRows, searchReports, usageSummaryQuery, type Database, type ReportSearchQuery, type UsageRow } from "@traceo/db";
import { generateKeyringSecret, loadKeyring } from "@traceo/crypto";
import { nodeCryptoEngine } from "@traceo/crypto/node-engine";
import { migrateUp, MIGRATIONS_DIR, openNodeDatabase, runAsAdmin } from "@traceo/ops";
import { copyUsageUnpartitioned, generateReports, generateUsage } from "./generate.ts";

const { values } = parseArgs({ options: { reports: { type: "string", default: "1000000" }, usage: { type: "string", default: "10000000" }, keep: { type: "boolean", default: false } } });
const REPORTS = Number(values.reports);
const USAGE = Number(values.usage);
const KEYS = 1000;
const DAYS = 90;
const ADMIN = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAME = `traceo_bench_${process.pid}`;
// A throwaway keyring: the bench's blind tokens are computed and queried under it.
const KEYRING = loadKeyring(generateKeyringSecret("bench"), { engine: nodeCryptoEngine });

const QUERIES: Omit<ReportSearchQuery, "accountId" | "limit">[] = [
  { text: "paypal" }, { text: "invoice overdue" }, { text: "password reset" }, { text: '"verify your identity"' }, { text: "bank -newsletter" },
  { text: "microsoft 365" }, { text: "dhl parcel delivery" }, { text: "urgent wire transfer" }, { text: "gift card" }, { text: "amazon order shipped" },
  { text: "apple id locked" }, { text: "tax refund" }, { text: "docusign shared document" }, { text: "crypto wallet" }, { text: "netflix payment declined" },
  { text: "mailbox storage full", verdicts: ["phishing"] }, { text: "unusual sign-in activity" }, { text: "voicemail" },
  { domain: "paypa1" }, { domain: "micros0ft" },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}
const admin = (statement: string) => runAsAdmin(statement, ADMIN);

async function benchSearch(db: Kysely<Database>): Promise<void> {
  const samples: number[] = [];
  const perQuery: string[] = [];
  for (const q of QUERIES) {
    const query = { ...q, accountId: "acc_bench_0", limit: 20 };
    await searchReports(db, KEYRING, query); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 5; i++) {
      const [page, ms] = await timed(() => searchReports(db, KEYRING, query));
      times.push(ms);
      hits = page.hits.length;
    }
    samples.push(...times);
    times.sort((a, b) => a - b);
    perQuery.push(`  ${(q.text !== undefined ? `q=${q.text}` : `domain=${q.domain}`).padEnd(34)} median ${times[2]!.toFixed(1).padStart(7)} ms  (${hits} hits on page 1)`);
  }
  samples.sort((a, b) => a - b);
  console.log(`\nReport search (tenant with ${REPORTS / 2} reports; first page of 20, blind-token index; query blinding included, snippet decryption not (bench rows hold no envelopes); 20 queries x 5 runs after a warm-up):`);
  console.log(perQuery.join("\n"));
  console.log(`  => p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms`);
}

async function benchUsageAggregation(db: Kysely<Database>): Promise<void> {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const compiled = usageSummaryQuery({ accountId: "acc_bench_7", apiKeyId: "key_bench_7", from, to, granularity: "day" }).compile(db);
  const flat = CompiledQuery.raw(compiled.sql.replace("FROM api_key_usage", "FROM api_key_usage_flat"), [...compiled.parameters]);
  const run = async (q: CompiledQuery) => {
    await db.executeQuery(q);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const [res, ms] = await timed(() => db.executeQuery<{ requests: string }>(q));
      times.push(ms);
      rows = res.rows.reduce((n, r) => n + Number(r.requests), 0);
    }
    times.sort((a, b) => a - b);
    return { median: times[2]!, rows };
  };
  const partitioned = await run(compiled);
  const plain = await run(flat);
  console.log(`\n30-day usage aggregation for one key (daily buckets, counts by status class, p50/p95 latency; median of 5):`);
  console.log(`  partitioned + indexed:      ${partitioned.median.toFixed(1).padStart(8)} ms  (${partitioned.rows} requests summarised)`);
  console.log(`  unpartitioned, no indexes:  ${plain.median.toFixed(1).padStart(8)} ms  (${plain.rows} requests summarised)`);
  console.log(`  => ${(plain.median / partitioned.median).toFixed(0)}x faster`);
}

async function benchInsertThroughput(db: Kysely<Database>): Promise<void> {
  console.log(`\nUsage-log insert throughput (insertUsageRows through the Neon driver and the local WebSocket proxy, one connection):`);
  for (const [batch, total] of [[1, 500], [50, 20_000], [500, 100_000]] as const) {
    const now = Date.now();
    const rows: UsageRow[] = Array.from({ length: total }, (_, i) => ({
      occurredAt: new Date(now - i), apiKeyId: `key_bench_${i % KEYS}`, accountId: `acc_bench_${i % 100}`, method: "POST", endpoint: "/v1/analyze/email", status: 200, latencyMs: 20 + (i % 50),
    }));
    const [, ms] = await timed(async () => {
      for (let i = 0; i < rows.length; i += batch) await insertUsageRows(db, rows.slice(i, i + batch));
    });
    console.log(`  batches of ${String(batch).padStart(3)}: ${Math.round((total / ms) * 1000).toLocaleString("en-US").padStart(8)} rows/s  (${total} rows in ${seconds(ms)})`);
  }
}

async function main(): Promise<void> {
  console.log(`bench:db — scratch database ${NAME}: ${REPORTS.toLocaleString("en-US")} reports, ${USAGE.toLocaleString("en-US")} usage rows over ${DAYS} days for ${KEYS} keys`);
  await admin(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${NAME}"`);
  const url = new URL(ADMIN);
  url.pathname = `/${NAME}`;
  const handle = await openNodeDatabase(url.toString());
  try {
    await migrateUp(handle.db, MIGRATIONS_DIR);
    const [, reportsMs] = await timed(() => generateReports(handle.db, KEYRING, REPORTS));
    console.log(`generated ${REPORTS.toLocaleString("en-US")} reports (with blind-token GIN and trigram indexes) in ${seconds(reportsMs)}`);
    const [, usageMs] = await timed(() => generateUsage(handle.db, USAGE, KEYS, DAYS));
    console.log(`generated ${USAGE.toLocaleString("en-US")} usage rows (monthly partitions, 2 indexes) in ${seconds(usageMs)}`);
    const [, copyMs] = await timed(() => copyUsageUnpartitioned(handle.db));
    console.log(`copied them to an unpartitioned, unindexed table in ${seconds(copyMs)}`);
    const sizes = await sql<{ reports: string; usage: string }>`
      SELECT pg_size_pretty(pg_total_relation_size('reports')) AS reports,
             pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'api_key_usage'::regclass)) AS usage`.execute(handle.db);
    console.log(`sizes: reports ${sizes.rows[0]!.reports}, api_key_usage ${sizes.rows[0]!.usage}`);

    await benchSearch(handle.db);
    await benchUsageAggregation(handle.db);
    await benchInsertThroughput(handle.db);
  } finally {
    await handle.close();
    if (!values.keep) {
      await admin(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
      console.log(`\ndropped ${NAME}`);
    }
  }
}

main().catch((err) => {
  console.error(`bench:db: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
