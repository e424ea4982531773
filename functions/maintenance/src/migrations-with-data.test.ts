// Migrations 0003 (partitioned logs) and 0005 (report search) go down and up again on a database
// holding data in the tables they touch, and the down files leave nothing of theirs behind.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvents, insertUsageRows, searchReports, type Database } from "@traceo/db";
import { migrateDown, migrateUp, MIGRATIONS_DIR, readMigrations } from "@traceo/ops";
import { createScratchDatabase, type ScratchDatabase } from "@traceo/db/test-support/scratch-database.ts";

let scratch: ScratchDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  scratch = await createScratchDatabase("migrations_data");
  db = scratch.handle.db;
});
afterAll(async () => scratch?.drop());

async function objects(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname ~ '^(api_key_usage|audit_log|reports_search|reports_domains)'
    UNION ALL SELECT proname::text FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proname LIKE 'traceo\\_%' AND proname <> 'traceo_envelope_key_id'
    UNION ALL SELECT extname::text FROM pg_extension WHERE extname = 'pg_trgm'
    UNION ALL SELECT 'column ' || attname FROM pg_attribute WHERE attrelid IN ('reports'::regclass, 'accounts'::regclass) AND attnum > 0 AND NOT attisdropped
      AND attname IN ('body_text', 'search_vector', 'domains_text', 'index_legitimate_bodies')
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.name);
}

describe("migrations 0003 and 0005 with data", () => {
  it("go down to 0002 and up again, keeping the core data and rebuilding search for it", async () => {
    await sql`INSERT INTO accounts (id, name) VALUES ('acc_m', 'migrations')`.execute(db);
    await sql`INSERT INTO reports (id, account_id, kind, verdict, score, probability, model_version, subject, sender_domain, link_domains, result, body_text)
              VALUES ('rep_m', 'acc_m', 'email', 'phishing', 90, 0.9, 't', 'Mailbox quota exceeded', 'paypa1.com', '{}', '{}', 'click to restore')`.execute(db);
    await insertUsageRows(db, [{ occurredAt: new Date(), apiKeyId: "key_m", accountId: "acc_m", method: "GET", endpoint: "/v1/usage", status: 200, latencyMs: 3 }]);
    await recordAuditEvents(db, [{ type: "api_key.created", actorAccountId: "acc_m" }]);
    const full = await objects();
    expect(full).toEqual(expect.arrayContaining(["api_key_usage", "api_key_usage_default", "audit_log", "pg_trgm", "column body_text", "column index_legitimate_bodies", "traceo_maintain_log_partitions"]));

    const all = await readMigrations(MIGRATIONS_DIR);
    const above0002 = all.filter((m) => m.version > "0002").length;
    await migrateDown(db, MIGRATIONS_DIR, above0002);
    expect(await objects()).toEqual([]);
    const kept = await sql<{ subject: string }>`SELECT subject FROM reports WHERE id = 'rep_m'`.execute(db);
    expect(kept.rows).toEqual([{ subject: "Mailbox quota exceeded" }]);

    expect(await migrateUp(db, MIGRATIONS_DIR)).toHaveLength(above0002);
    expect(await objects()).toEqual(full);
    // The generated columns were computed for the row that existed before 0005 came back.
    const page = await searchReports(db, { accountId: "acc_m", text: "mailbox quota", limit: 5 });
    expect(page.hits.map((h) => h.id)).toEqual(["rep_m"]);
    const lookalike = await searchReports(db, { accountId: "acc_m", domain: "paypal.com", limit: 5 });
    expect(lookalike.hits.map((h) => h.id)).toEqual(["rep_m"]);
  });
});
