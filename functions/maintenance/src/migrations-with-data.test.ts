// Migrations 0003 (partitioned logs), 0005 and 0008 (report search) go down and up again on a
// database holding data in the tables they touch, and the down files leave nothing of theirs behind;
// `reports:reindex` then rebuilds the blind search index from the encrypted raw message.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptField, generateKeyringSecret, loadKeyring } from "@traceo/crypto";
import { bytea, recordAuditEvents, insertUsageRows, reportSearchFields, searchReports, type Database } from "@traceo/db";
import { migrateDown, migrateUp, MIGRATIONS_DIR, readMigrations, reindexReports } from "@traceo/ops";
import { createScratchDatabase, type ScratchDatabase } from "@traceo/db/test-support/scratch-database.ts";

let scratch: ScratchDatabase;
let db: Kysely<Database>;
const keyring = loadKeyring(generateKeyringSecret("m1"));
const RAW = "From: Support <help@paypa1.com>\r\nTo: ana@example.org\r\nSubject: Mailbox quota exceeded\r\n\r\nYour mailbox is full: click to restore access.\r\n";

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
      AND attname IN ('body_text', 'search_vector', 'search_tokens', 'subject_enc', 'body_text_enc', 'domains_text', 'index_legitimate_bodies')
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.name);
}

describe("migrations 0003, 0005 and 0008 with data", () => {
  it("go down to 0002 and up again, keeping the core data; reindex rebuilds search from the raw message", async () => {
    await sql`INSERT INTO accounts (id, name) VALUES ('acc_m', 'migrations')`.execute(db);
    const search = await reportSearchFields(keyring, { id: "rep_m", subject: "Mailbox quota exceeded", bodyText: "Your mailbox is full: click to restore access.", senderDomain: "paypa1.com", linkDomains: [] });
    const raw = bytea(await encryptField(keyring, { table: "reports", column: "raw_message_enc", rowId: "rep_m" }, RAW));
    // A stored answer as it was written before 0008: subject, display name and a full link in clear.
    const oldResult = { kind: "email", subject: "Mailbox quota exceeded", headers: { from_address: null, from_display_name: "Support", from_domain: "paypa1.com" }, urls: [{ url: "https://ana%40example.org:pw@paypa1.com/restore?user=ana@example.org", score: 90 }], reasons: [] };
    await db.insertInto("reports").values({ id: "rep_m", account_id: "acc_m", kind: "email", verdict: "phishing", score: 90, probability: 0.9, model_version: "t", sender_domain: "paypa1.com", link_domains: [], result: JSON.stringify(oldResult), raw_message_enc: raw, ...search }).execute();
    await insertUsageRows(db, [{ occurredAt: new Date(), apiKeyId: "key_m", accountId: "acc_m", method: "GET", endpoint: "/v1/usage", status: 200, latencyMs: 3 }]);
    await recordAuditEvents(db, [{ type: "api_key.created", actorAccountId: "acc_m" }]);
    const full = await objects();
    expect(full).toEqual(expect.arrayContaining(["api_key_usage", "api_key_usage_default", "audit_log", "pg_trgm", "column search_tokens", "column body_text_enc", "column index_legitimate_bodies", "traceo_maintain_log_partitions", "traceo_reports_private_body"]));
    expect(full).not.toContain("column body_text");
    expect((await searchReports(db, keyring, { accountId: "acc_m", text: "mailbox quota", limit: 5 })).hits.map((h) => h.id)).toEqual(["rep_m"]);

    const all = await readMigrations(MIGRATIONS_DIR);
    const above0002 = all.filter((m) => m.version > "0002").length;
    await migrateDown(db, MIGRATIONS_DIR, above0002);
    expect(await objects()).toEqual([]);
    const kept = await sql<{ sender_domain: string; raw: boolean }>`SELECT sender_domain, raw_message_enc IS NOT NULL AS raw FROM reports WHERE id = 'rep_m'`.execute(db);
    expect(kept.rows).toEqual([{ sender_domain: "paypa1.com", raw: true }]);

    expect(await migrateUp(db, MIGRATIONS_DIR)).toHaveLength(above0002);
    expect(await objects()).toEqual(full);
    // 0008 cannot blind words in SQL: the row is found by domain at once, by words after the reindex.
    expect((await searchReports(db, keyring, { accountId: "acc_m", text: "mailbox quota", limit: 5 })).hits).toEqual([]);
    const lookalike = await searchReports(db, keyring, { accountId: "acc_m", domain: "paypal.com", limit: 5 });
    expect(lookalike.hits.map((h) => h.id)).toEqual(["rep_m"]);
    expect(await reindexReports(db, keyring)).toEqual({ rows: 1, fromRaw: 1, left: 0 });
    const page = await searchReports(db, keyring, { accountId: "acc_m", text: "mailbox quota", limit: 5 });
    expect(page.hits.map((h) => [h.id, h.subject])).toEqual([["rep_m", "Mailbox quota exceeded"]]);
    expect(page.hits[0]!.snippet).toContain("«Mailbox» «quota» exceeded — Your «mailbox» is full");
    expect(await reindexReports(db, keyring)).toEqual({ rows: 0, fromRaw: 0, left: 0 }); // nothing stale left

    // 0008 also cleaned the stored answer: no subject, display name or personalised link in clear.
    const stored = await sql<{ result: typeof oldResult }>`SELECT result FROM reports WHERE id = 'rep_m'`.execute(db);
    expect(stored.rows[0]!.result).toMatchObject({ subject: null, headers: { from_display_name: null, from_domain: "paypa1.com" }, urls: [{ url: "https://paypa1.com/", score: 90 }] });
  });
});
