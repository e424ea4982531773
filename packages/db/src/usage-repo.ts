// API usage rows: written in batches after responses; read back as per-bucket summaries.
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface UsageRow {
  occurredAt: Date;
  apiKeyId: string;
  accountId: string;
  method: string;
  endpoint: string;
  status: number;
  latencyMs: number;
}

/** One multi-row INSERT (Postgres allows 65,535 parameters: 7 per row, so at most 9,000 rows a statement). */
export async function insertUsageRows(db: Kysely<Database>, rows: UsageRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 9_000) {
    await db
      .insertInto("api_key_usage")
      .values(
        rows.slice(i, i + 9_000).map((r) => ({
          occurred_at: r.occurredAt,
          api_key_id: r.apiKeyId,
          account_id: r.accountId,
          method: r.method.slice(0, 16),
          endpoint: r.endpoint.slice(0, 200),
          status: r.status,
          latency_ms: Math.max(0, Math.round(r.latencyMs)),
        })),
      )
      .execute();
  }
}

export type UsageGranularity = "hour" | "day";

export interface UsageQuery {
  accountId: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  granularity: UsageGranularity;
  apiKeyId?: string;
}

export interface UsageBucket {
  start: string;
  requests: number;
  status: { "2xx": number; "3xx": number; "4xx": number; "5xx": number };
  latency_ms: { p50: number; p95: number };
}

/**
 * The summary query. A plain range on occurred_at (no function around the column) lets the planner
 * prune to the partitions of [from, to); buckets are cut in UTC whatever the session TimeZone.
 */
export function usageSummaryQuery(q: UsageQuery) {
  const unit = q.granularity === "hour" ? sql.lit("hour") : sql.lit("day");
  return sql<{ start: Date; requests: string; s2: string; s3: string; s4: string; s5: string; p50: number; p95: number }>`
    SELECT date_trunc(${unit}, occurred_at, 'UTC') AS start,
           count(*) AS requests,
           count(*) FILTER (WHERE status < 300) AS s2,
           count(*) FILTER (WHERE status BETWEEN 300 AND 399) AS s3,
           count(*) FILTER (WHERE status BETWEEN 400 AND 499) AS s4,
           count(*) FILTER (WHERE status >= 500) AS s5,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
    FROM api_key_usage
    WHERE account_id = ${q.accountId}
      ${q.apiKeyId !== undefined ? sql`AND api_key_id = ${q.apiKeyId}` : sql``}
      AND occurred_at >= ${q.from.toISOString()}::timestamptz AND occurred_at < ${q.to.toISOString()}::timestamptz
    GROUP BY 1
    ORDER BY 1`;
}

export async function summarizeUsage(db: Kysely<Database>, q: UsageQuery): Promise<UsageBucket[]> {
  const { rows } = await usageSummaryQuery(q).execute(db);
  return rows.map((r) => ({
    start: new Date(r.start).toISOString(),
    requests: Number(r.requests),
    status: { "2xx": Number(r.s2), "3xx": Number(r.s3), "4xx": Number(r.s4), "5xx": Number(r.s5) },
    latency_ms: { p50: Math.round(Number(r.p50) * 10) / 10, p95: Math.round(Number(r.p95) * 10) / 10 },
  }));
}
