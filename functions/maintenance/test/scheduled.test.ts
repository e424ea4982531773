/// <reference types="@cloudflare/vitest-pool-workers/types" />
// The Cron Trigger handler, run inside workerd through the Neon driver and the local proxy.
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@traceo/db";
import worker from "../src/index.ts";
import type { MaintenanceEnv } from "../src/run-maintenance.ts";

const testEnv = env as unknown as MaintenanceEnv;

async function partitionNames(pattern: string): Promise<string[]> {
  const handle = openDatabase(testEnv);
  try {
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent IN ('api_key_usage'::regclass, 'audit_log'::regclass) AND c.relname LIKE ${pattern} ORDER BY 1`.execute(handle.db);
    return rows.map((r) => r.name);
  } finally {
    await handle.close();
  }
}

describe("scheduled()", () => {
  it("premakes the partitions for the Cron run's month and three ahead, in both logs, idempotently", async () => {
    for (let run = 0; run < 2; run++) {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: new Date("2061-01-31T23:30:00Z").getTime(), cron: "17 3 * * *" }), testEnv, ctx);
      await waitOnExecutionContext(ctx);
    }
    expect(await partitionNames("%_p2061_%")).toEqual([
      "api_key_usage_p2061_01", "api_key_usage_p2061_02", "api_key_usage_p2061_03", "api_key_usage_p2061_04",
      "audit_log_p2061_01", "audit_log_p2061_02", "audit_log_p2061_03", "audit_log_p2061_04",
    ]);
  });
});
