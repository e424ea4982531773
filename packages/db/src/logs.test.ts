// Usage and audit writers and the usage summary against the real Postgres, including the
// EXPLAIN check that a range query reads only the partitions of its range.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvents, redactSecrets } from "./audit-log-repo.ts";
import { maintainLogPartitions } from "./log-maintenance.ts";
import type { Database } from "./schema.ts";
import { insertUsageRows, summarizeUsage, usageSummaryQuery, type UsageRow } from "./usage-repo.ts";
import { createScratchDatabase, type ScratchDatabase } from "./test-support/scratch-database.ts";

let scratch: ScratchDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  scratch = await createScratchDatabase("logs");
  db = scratch.handle.db;
  await maintainLogPartitions(db, { monthsAhead: 3, usageRetentionMonths: 1200, auditRetentionMonths: 1200, at: new Date("2046-01-05T00:00:00Z") });
});
afterAll(async () => scratch?.drop());

function row(over: Partial<UsageRow>): UsageRow {
  return { occurredAt: new Date("2046-02-10T10:00:00Z"), apiKeyId: "key_a", accountId: "acc_a", method: "POST", endpoint: "/v1/analyze/email", status: 200, latencyMs: 10, ...over };
}

/** Every relation a plan reads, from EXPLAIN (FORMAT JSON). */
function relationsOf(plan: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => relationsOf(p, out));
  else if (plan && typeof plan === "object") {
    for (const [k, v] of Object.entries(plan)) {
      if (k === "Relation Name" && typeof v === "string") out.add(v);
      else relationsOf(v, out);
    }
  }
  return out;
}

describe("usage log", () => {
  it("summarises by UTC hour with status classes and exact p50/p95", async () => {
    const rows: UsageRow[] = [];
    for (let i = 1; i <= 100; i++) rows.push(row({ latencyMs: i, status: i <= 90 ? 200 : i <= 95 ? 429 : 503, occurredAt: new Date(Date.UTC(2046, 1, 10, 10, i % 60)) }));
    rows.push(row({ occurredAt: new Date("2046-02-10T11:00:00Z"), latencyMs: 7, status: 301 }));
    rows.push(row({ accountId: "acc_other", apiKeyId: "key_other" }));
    await insertUsageRows(db, rows);
    const buckets = await summarizeUsage(db, { accountId: "acc_a", from: new Date("2046-02-10T00:00:00Z"), to: new Date("2046-02-11T00:00:00Z"), granularity: "hour" });
    expect(buckets).toEqual([
      { start: "2046-02-10T10:00:00.000Z", requests: 100, status: { "2xx": 90, "3xx": 0, "4xx": 5, "5xx": 5 }, latency_ms: { p50: 50.5, p95: 95.1 } },
      { start: "2046-02-10T11:00:00.000Z", requests: 1, status: { "2xx": 0, "3xx": 1, "4xx": 0, "5xx": 0 }, latency_ms: { p50: 7, p95: 7 } },
    ]);
    const byDay = await summarizeUsage(db, { accountId: "acc_a", apiKeyId: "key_a", from: new Date("2046-02-01T00:00:00Z"), to: new Date("2046-03-01T00:00:00Z"), granularity: "day" });
    expect(byDay.map((b) => [b.start, b.requests])).toEqual([["2046-02-10T00:00:00.000Z", 101]]);
  });

  it("cuts day buckets in UTC even when the session is in Asia/Tokyo", async () => {
    await insertUsageRows(db, [row({ apiKeyId: "key_tz", occurredAt: new Date("2046-02-12T23:30:00Z") })]);
    const start = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL timezone = 'Asia/Tokyo'`.execute(trx);
      return summarizeUsage(trx, { accountId: "acc_a", apiKeyId: "key_tz", from: new Date("2046-02-12T00:00:00Z"), to: new Date("2046-02-14T00:00:00Z"), granularity: "day" });
    });
    expect(start.map((b) => b.start)).toEqual(["2046-02-12T00:00:00.000Z"]);
  });

  it("reads only the partitions of the range (EXPLAIN shows the pruning)", async () => {
    const explain = async (from: string, to: string) => {
      const query = usageSummaryQuery({ accountId: "acc_a", from: new Date(from), to: new Date(to), granularity: "day" });
      const { rows } = await sql<{ "QUERY PLAN": unknown }>`EXPLAIN (FORMAT JSON) ${query}`.execute(db);
      return [...relationsOf(rows[0]!["QUERY PLAN"])].sort();
    };
    expect(await explain("2046-02-10T00:00:00Z", "2046-03-05T00:00:00Z")).toEqual(["api_key_usage_p2046_02", "api_key_usage_p2046_03"]);
    expect(await explain("2046-01-01T00:00:00Z", "2046-02-01T00:00:00Z")).toEqual(["api_key_usage_p2046_01"]);
    // A range reaching months without a partition must also read the default partition.
    expect(await explain("2046-04-20T00:00:00Z", "2046-05-02T00:00:00Z")).toEqual(["api_key_usage_default", "api_key_usage_p2046_04"]);
  });
});

describe("audit log", () => {
  it("writes a batch, redacting secret-looking detail keys at any depth", async () => {
    await recordAuditEvents(db, [
      { type: "user.login", actorAccountId: "acc_a", actorUserId: "usr_1", ip: "203.0.113.9", userAgent: "curl/8", details: { method: "password", password: "hunter2", nested: { api_key: "sk_live_x", key_id: "key_1", session_token: "t" } } },
      { type: "api_key.revoked", actorAccountId: "acc_a", apiKeyId: "key_1", ip: "not an ip", occurredAt: new Date("2046-02-01T00:00:00Z") },
      { type: "user.login_failed", ip: "2001:db8::1", userAgent: "x".repeat(2000) },
    ]);
    const { rows } = await sql<{ event_type: string; ip: string | null; ua_len: number | null; details: Record<string, unknown>; part: string }>`
      SELECT event_type, host(ip) AS ip, length(user_agent) AS ua_len, details, tableoid::regclass::text AS part FROM audit_log ORDER BY event_type`.execute(db);
    expect(rows.map((r) => [r.event_type, r.ip, r.ua_len])).toEqual([
      ["api_key.revoked", null, null],
      ["user.login", "203.0.113.9", 6],
      ["user.login_failed", "2001:db8::1", 512],
    ]);
    expect(rows[0]!.part).toBe("audit_log_p2046_02");
    expect(rows[1]!.details).toEqual({ method: "password", password: "[redacted]", nested: { api_key: "[redacted]", key_id: "key_1", session_token: "[redacted]" } });
  });

  it("refuses an event type that is not a dotted slug, inserting nothing", async () => {
    await expect(recordAuditEvents(db, [{ type: "user.login" }, { type: "Drop Table" }])).rejects.toThrow(/dotted slug/);
    const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log WHERE actor_account_id IS NULL AND event_type = 'user.login'`.execute(db);
    expect(rows[0]!.n).toBe("0");
  });

  it("redactSecrets keeps ids and ordinary values", () => {
    expect(redactSecrets({ user_id: "u", key_id: "k", count: 3, list: [{ token: "t" }], Authorization: "Bearer x" })).toEqual({ user_id: "u", key_id: "k", count: 3, list: [{ token: "[redacted]" }], Authorization: "[redacted]" });
  });
});
