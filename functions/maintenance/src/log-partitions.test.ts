// Monthly log partitions against the real Postgres: exact UTC bounds whatever the session TimeZone,
// rows moved out of the default partition, retention, and concurrent maintenance runs.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintainLogPartitions, type Database } from "@traceo/db";
import { openNodeDatabase } from "@traceo/ops";
import { createScratchDatabase, type ScratchDatabase } from "@traceo/db/test-support/scratch-database.ts";

let scratch: ScratchDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  scratch = await createScratchDatabase("partitions");
  db = scratch.handle.db;
});
afterAll(async () => scratch?.drop());

const SETTINGS = { monthsAhead: 3, usageRetentionMonths: 1200, auditRetentionMonths: 1200 };

/** Partition name -> bounds, printed in a UTC session so they compare as text. */
async function partitions(table: string, db2: Kysely<Database> = db): Promise<Record<string, string>> {
  return db2.transaction().execute(async (trx) => {
    await sql`SET LOCAL timezone = 'UTC'`.execute(trx);
    const { rows } = await sql<{ name: string; bound: string }>`
      SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = ${table}::regclass ORDER BY 1`.execute(trx);
    return Object.fromEntries(rows.map((r) => [r.name, r.bound]));
  });
}

async function insertUsageAt(at: string, timezone = "UTC", keyId = "key_bounds"): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('timezone', ${timezone}, true)`.execute(trx);
    const { rows } = await sql<{ part: string }>`
      INSERT INTO api_key_usage (occurred_at, api_key_id, account_id, method, endpoint, status, latency_ms)
      VALUES (${at}::timestamptz, ${keyId}, 'acc_bounds', 'GET', '/v1/usage', 200, 5)
      RETURNING tableoid::regclass::text AS part`.execute(trx);
    return rows[0]!.part;
  });
}

describe("monthly log partitions", () => {
  it("the migration premade this month and three ahead for both logs, plus a default partition", async () => {
    const now = new Date();
    const month = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    };
    for (const table of ["api_key_usage", "audit_log"]) {
      const names = Object.keys(await partitions(table));
      expect(names).toEqual(expect.arrayContaining([`${table}_default`, ...[0, 1, 2, 3].map((i) => `${table}_p${month(i)}`)]));
    }
  });

  it("puts a row at exactly 00:00:00 UTC on the 1st in the new month, one microsecond earlier in the old", async () => {
    await maintainLogPartitions(db, { ...SETTINGS, at: new Date("2031-12-10T00:00:00Z") });
    expect(await insertUsageAt("2032-01-01T00:00:00Z")).toBe("api_key_usage_p2032_01");
    expect(await insertUsageAt("2031-12-31T23:59:59.999999Z")).toBe("api_key_usage_p2031_12");
    // The same instants written from sessions far from UTC land in the same partitions.
    expect(await insertUsageAt("2031-12-31 16:00:00-08", "America/Los_Angeles")).toBe("api_key_usage_p2032_01");
    expect(await insertUsageAt("2032-01-01 08:59:59.999999+09", "Asia/Tokyo")).toBe("api_key_usage_p2031_12");
    const bounds = await partitions("api_key_usage");
    expect(bounds["api_key_usage_p2032_01"]).toBe("FOR VALUES FROM ('2032-01-01 00:00:00+00') TO ('2032-02-01 00:00:00+00')");
  });

  it("creates the same partitions from sessions in America/Los_Angeles and Asia/Tokyo", async () => {
    const other = await createScratchDatabase("partitions_tz");
    try {
      // 20:00 on Feb 28 in Los Angeles is already March 1 in UTC (and in Tokyo): March is "this month".
      const at = "2035-02-28T20:00:00-08:00";
      const run = async (target: Kysely<Database>, timezone: string) =>
        target.transaction().execute(async (trx) => {
          await sql`SELECT set_config('timezone', ${timezone}, true)`.execute(trx);
          await sql`SELECT * FROM traceo_maintain_log_partitions('api_key_usage', 3, 1200, ${at}::timestamptz)`.execute(trx);
        });
      await run(db, "America/Los_Angeles");
      await run(other.handle.db, "Asia/Tokyo");
      const la = await partitions("api_key_usage");
      const tokyo = await partitions("api_key_usage", other.handle.db);
      const inLa = Object.entries(la).filter(([name]) => name.includes("_p2035"));
      expect(inLa.map(([name]) => name)).toEqual(["api_key_usage_p2035_03", "api_key_usage_p2035_04", "api_key_usage_p2035_05", "api_key_usage_p2035_06"]);
      for (const [name, bound] of inLa) expect(tokyo[name]).toBe(bound);
      expect(la["api_key_usage_p2035_03"]).toBe("FOR VALUES FROM ('2035-03-01 00:00:00+00') TO ('2035-04-01 00:00:00+00')");
    } finally {
      await other.drop();
    }
  });

  it("moves rows out of the default partition when their month's partition is created", async () => {
    expect(await insertUsageAt("2040-06-15T12:00:00Z", "UTC", "key_moved")).toBe("api_key_usage_default");
    expect(await insertUsageAt("2040-06-30T23:59:59Z", "UTC", "key_moved")).toBe("api_key_usage_default");
    expect(await insertUsageAt("2040-09-01T00:00:00Z", "UTC", "key_moved")).toBe("api_key_usage_default");
    const actions = await maintainLogPartitions(db, { ...SETTINGS, at: new Date("2040-05-20T00:00:00Z") });
    const created = actions.filter((a) => a.table === "api_key_usage" && a.action === "created");
    expect(created.map((a) => [a.partition, a.rows])).toEqual([
      ["api_key_usage_p2040_05", 0],
      ["api_key_usage_p2040_06", 2],
      ["api_key_usage_p2040_07", 0],
      ["api_key_usage_p2040_08", 0],
    ]);
    const { rows } = await sql<{ part: string; n: string }>`
      SELECT tableoid::regclass::text AS part, count(*)::text AS n FROM api_key_usage WHERE api_key_id = 'key_moved' GROUP BY 1 ORDER BY 1`.execute(db);
    // September is beyond the premade window: it stays in the default until its partition exists.
    expect(rows).toEqual([{ part: "api_key_usage_default", n: "1" }, { part: "api_key_usage_p2040_06", n: "2" }]);
    // Running again changes nothing.
    const again = await maintainLogPartitions(db, { ...SETTINGS, at: new Date("2040-05-20T00:00:00Z") });
    expect(again.filter((a) => a.partition.includes("2040"))).toEqual([]);
  });

  it("drops only partitions wholly older than the retention, and purges such rows from the default", async () => {
    await maintainLogPartitions(db, { ...SETTINGS, at: new Date("2045-01-10T00:00:00Z") }); // 2045_01 .. 2045_04
    await insertUsageAt("2044-06-01T00:00:00Z", "UTC", "key_old"); // no partition: default
    await insertUsageAt("2045-02-01T00:00:00Z", "UTC", "key_kept");
    const before = Object.keys(await partitions("api_key_usage"));
    // In April 2045, keeping 2 whole months before it: February and March stay, January goes.
    const actions = await maintainLogPartitions(db, { monthsAhead: 3, usageRetentionMonths: 2, auditRetentionMonths: 1200, at: new Date("2045-04-30T23:00:00Z") });
    const dropped = actions.filter((a) => a.action === "dropped").map((a) => a.partition);
    const expectedDropped = before.filter((n) => /_p\d{4}_\d{2}$/.test(n) && n < "api_key_usage_p2045_02");
    expect(dropped).toEqual(expectedDropped);
    expect(dropped).toContain("api_key_usage_p2045_01");
    expect(dropped).toContain("api_key_usage_p2032_01");
    const after = Object.keys(await partitions("api_key_usage"));
    expect(after).toEqual(expect.arrayContaining(["api_key_usage_p2045_02", "api_key_usage_p2045_03", "api_key_usage_p2045_07", "api_key_usage_default"]));
    expect(after.filter((n) => n < "api_key_usage_p2045_02" && n !== "api_key_usage_default")).toEqual([]);
    expect(actions).toContainEqual({ table: "api_key_usage", action: "purged", partition: "api_key_usage_default", rows: 1 });
    const kept = await sql<{ n: string }>`SELECT count(*)::text AS n FROM api_key_usage WHERE api_key_id = 'key_kept'`.execute(db);
    expect(kept.rows[0]!.n).toBe("1");
    // The audit log kept everything: its retention is 1200 months.
    expect(actions.some((a) => a.table === "audit_log" && a.action === "dropped")).toBe(false);
    // Detached tables are gone, not left lying around.
    const orphans = await sql<{ n: string }>`SELECT count(*)::text AS n FROM pg_class WHERE relname = 'api_key_usage_p2045_01'`.execute(db);
    expect(orphans.rows[0]!.n).toBe("0");
  });

  it("two maintenance runs at once both succeed and create each partition once", async () => {
    const second = await openNodeDatabase(scratch.url);
    try {
      const at = new Date("2050-03-03T00:00:00Z");
      const [a, b] = await Promise.all([maintainLogPartitions(db, { ...SETTINGS, at }), maintainLogPartitions(second.db, { ...SETTINGS, at })]);
      const created = [...a, ...b].filter((x) => x.action === "created").map((x) => x.partition).sort();
      expect(created).toEqual([
        "api_key_usage_p2050_03", "api_key_usage_p2050_04", "api_key_usage_p2050_05", "api_key_usage_p2050_06",
        "audit_log_p2050_03", "audit_log_p2050_04", "audit_log_p2050_05", "audit_log_p2050_06",
      ]);
    } finally {
      await second.close();
    }
  });

  it("refuses bad settings instead of guessing", async () => {
    await expect(maintainLogPartitions(db, { monthsAhead: 3, usageRetentionMonths: 0, auditRetentionMonths: 12 })).rejects.toThrow(/retention_months must be at least 1/);
    await expect(sql`SELECT * FROM traceo_maintain_log_partitions('accounts', 3, 12)`.execute(db)).rejects.toThrow(/not a partitioned log table/);
  });
});
