// GET /v1/usage and the recordUsage() middleware that feeds it (rows written after the response).
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { insertUsageRows } from "@traceo/db";
import { call, createKey, expectProblem, withDb } from "../../../test/support/harness.ts";

type Usage = { from: string; to: string; granularity: string; totals: Record<string, number>; buckets: { start: string; requests: number; status: Record<string, number>; latency_ms: { p50: number; p95: number } }[] };

async function usage(key: string, query: string): Promise<Usage> {
  const res = await call(`/v1/usage?${query}`, { key });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${text}`);
  return JSON.parse(text) as Usage;
}

async function usageRows(keyId: string): Promise<{ endpoint: string; method: string; status: number }[]> {
  return withDb(async (db) => (await sql<{ endpoint: string; method: string; status: number }>`SELECT endpoint, method, status FROM api_key_usage WHERE api_key_id = ${keyId} ORDER BY occurred_at, status`.execute(db)).rows);
}

async function waitForRows(keyId: string, count: number): Promise<{ endpoint: string; method: string; status: number }[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await usageRows(keyId);
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  return usageRows(keyId);
}

describe("recordUsage()", () => {
  it("writes one row per authenticated request after the response, with the route pattern and status", async () => {
    const created = await createKey({ name: "usage writer" });
    expect((await call("/v1/reports?q=invoice", { key: created.key })).status).toBe(200);
    expect((await call("/v1/reports?from=nope", { key: created.key })).status).toBe(422);
    expect((await call("/v1/usage", { key: created.key })).status).toBe(200);
    const rows = await waitForRows(created.id, 3);
    expect(rows.map((r) => [r.method, r.endpoint, r.status]).sort()).toEqual([
      ["GET", "/v1/reports", 200],
      ["GET", "/v1/reports", 422],
      ["GET", "/v1/usage", 200],
    ]);
    const now = new Date();
    const summary = await usage(created.key, `granularity=hour&from=${new Date(now.getTime() - 3_600_000).toISOString()}&to=${new Date(now.getTime() + 3_600_000).toISOString()}`);
    expect(summary.totals).toMatchObject({ requests: 3, "2xx": 2, "4xx": 1 });
  });

  it("records nothing for a request without a valid key", async () => {
    await expectProblem(await call("/v1/usage", { key: "sk_test_invalid" }), 401);
    const orphan = await withDb(async (db) => (await sql<{ n: string }>`SELECT count(*)::text AS n FROM api_key_usage WHERE api_key_id = '' OR account_id = ''`.execute(db)).rows[0]!.n);
    expect(orphan).toBe("0");
  });
});

describe("GET /v1/usage", () => {
  it("sums the account's keys per UTC day with status classes and p50/p95", async () => {
    const created = await createKey({ name: "usage reader", tier: "pro" });
    const day = (d: number, h: number) => new Date(Date.UTC(2025, 10, d, h));
    await withDb((db) =>
      insertUsageRows(db, [
        ...[10, 20, 30, 40].map((ms) => ({ occurredAt: day(3, 23), apiKeyId: created.id, accountId: created.account_id, method: "POST", endpoint: "/v1/analyze/url", status: 200, latencyMs: ms })),
        { occurredAt: day(4, 0), apiKeyId: "key_SECONDKEYOFACCOUNT0000000", accountId: created.account_id, method: "POST", endpoint: "/v1/analyze/email", status: 503, latencyMs: 900 },
        { occurredAt: day(4, 1), apiKeyId: "key_OTHERACCOUNT000000000000", accountId: "acc_someone_else", method: "POST", endpoint: "/v1/analyze/email", status: 200, latencyMs: 1 },
      ]),
    );
    const summary = await usage(created.key, "granularity=day&from=2025-11-01&to=2025-12-01");
    expect(summary.buckets).toEqual([
      { start: "2025-11-03T00:00:00.000Z", requests: 4, status: { "2xx": 4, "3xx": 0, "4xx": 0, "5xx": 0 }, latency_ms: { p50: 25, p95: 38.5 } },
      { start: "2025-11-04T00:00:00.000Z", requests: 1, status: { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 1 }, latency_ms: { p50: 900, p95: 900 } },
    ]);
    expect(summary.totals).toEqual({ requests: 5, "2xx": 4, "3xx": 0, "4xx": 0, "5xx": 1 });
    const oneKey = await usage(created.key, `granularity=hour&from=2025-11-03T00:00:00Z&to=2025-11-05T00:00:00%2B00:00&key_id=${created.id}`);
    expect(oneKey.buckets.map((b) => [b.start, b.requests])).toEqual([["2025-11-03T23:00:00.000Z", 4]]);
  });

  it.each([
    ["granularity=minute"],
    ["granularity=HOUR"],
    ["from=2026-13-01"],
    ["from=2026-02-30"],
    ["from=2026-01-01T10:00:00"], // no offset: ambiguous
    ["from=1999-12-31"],
    ["to=9999-01-01"],
    ["from=tomorrow"],
    ["from=2026-05-02&to=2026-05-01"],
    ["from=2026-05-01&to=2026-05-01"],
    ["granularity=hour&from=2026-01-01&to=2026-03-01"],
    ["granularity=day&from=2020-01-01&to=2026-01-01"],
    ["key_id=%00"],
    ["key_id=not-a-key"],
    [`from=${"9".repeat(10_000)}`],
  ])("%s answers 422 problem+json", async (query) => {
    const created = await createKey({ name: "bad usage input" });
    await expectProblem(await call(`/v1/usage?${query}`, { key: created.key }), 422);
  });
});
