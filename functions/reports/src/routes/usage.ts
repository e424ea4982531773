// GET /v1/usage?from=&to=&granularity=hour|day — request counts by status class and p50/p95
// latency per UTC hour or day, for every key of the caller's account (or one, with key_id=).
import { summarizeUsage, type UsageGranularity } from "@traceo/db";
import type { Schema } from "hono";
import { problems } from "@traceo/problem";
import type { ReportsApp } from "../app-types.ts";
import { usageRoute } from "../schemas.ts";
import { invalidParam, parseEnum, parseInstant, parseText } from "../query-params.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Longest range per granularity: keeps answers small and the scan to a bounded number of partitions. */
export const MAX_RANGE_MS: Record<UsageGranularity, number> = { hour: 31 * DAY, day: 400 * DAY };
const DEFAULT_RANGE_MS: Record<UsageGranularity, number> = { hour: DAY, day: 30 * DAY };

/** The query's form is checked by usageRoute's schema; these parsers read the values. */
export function registerUsage<S extends Schema>(app: ReportsApp<S>) {
  return app.openapi(usageRoute, async (c) => {
    const granularity = parseEnum("granularity", c.req.query("granularity"), ["hour", "day"] as const, "day");
    const to = parseInstant("to", c.req.query("to")) ?? new Date();
    const from = parseInstant("from", c.req.query("from")) ?? new Date(to.getTime() - DEFAULT_RANGE_MS[granularity]);
    if (from.getTime() >= to.getTime()) invalidParam("from", "must be earlier than `to`.");
    if (to.getTime() - from.getTime() > MAX_RANGE_MS[granularity]) {
      invalidParam(granularity === "hour" ? "to" : "from", `the range may span at most ${MAX_RANGE_MS[granularity] / DAY} days with granularity=${granularity}.`);
    }
    const keyId = parseText("key_id", c.req.query("key_id"), 64);
    if (keyId !== undefined && !/^key_[0-9A-Z]{26}$/.test(keyId)) invalidParam("key_id", "is not an API key id (key_…).");

    const key = c.get("apiKey");
    let buckets;
    try {
      buckets = await summarizeUsage(c.get("services").database().db, { accountId: key.accountId, from, to, granularity, ...(keyId ? { apiKeyId: keyId } : {}) });
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: "usage query failed", requestId: c.get("requestId"), error: String(err) }));
      throw problems.serviceUnavailable("Usage cannot be read right now.");
    }
    const totals = { requests: 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
    for (const b of buckets) {
      totals.requests += b.requests;
      for (const cls of ["2xx", "3xx", "4xx", "5xx"] as const) totals[cls] += b.status[cls];
    }
    // Buckets without requests are left out (sparse series).
    return c.json({ from: from.toISOString(), to: to.toISOString(), granularity, totals, buckets }, 200);
  });
}
