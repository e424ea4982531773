// Rebuilds reports' search fields (encrypted subject/body, blind tokens) in TypeScript, because SQL
// has no key: after migration 0008 (rows with search_key_id NULL: the subject and visible text come
// from the decrypted raw message, parsed as the analyze Worker does), and after a key rotation (rows
// blinded under another key than the primary: the text comes from their own envelopes). Batches by
// id, one transaction each, rows locked FOR UPDATE SKIP LOCKED; no state, so a killed run resumes.
import { decryptField, decryptFieldText, type Keyring } from "@traceo/crypto";
import { reportSearchFields, type Database } from "@traceo/db";
import { analyzeEmailWithText, EmailParseError } from "@traceo/detector";
import { sql, type Kysely } from "kysely";

/**
 * Which rows: `rotated` = blinded under a key other than the primary (what keys:rotate does; cheap,
 * from the row's own envelopes); `stale` = those plus rows never indexed (after migration 0008: the
 * text is parsed out of the raw message); `all` = every row (e.g. after the tokeniser changed).
 */
export type ReindexScope = "rotated" | "stale" | "all";

export interface ReindexOptions {
  scope?: ReindexScope;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface ReindexResult {
  rows: number;
  /** Rows whose text was recovered from the raw message (never indexed before). */
  fromRaw: number;
  /** Rows still not indexed under the primary (locked by requests meanwhile); 0 when done. */
  left: number;
}

type Row = {
  id: string; subject_enc: Uint8Array | null; body_text_enc: Uint8Array | null; raw_message_enc: Uint8Array | null;
  sender_domain: string | null; link_domains: string[];
};

function scopeCondition(keyring: Keyring, scope: ReindexScope) {
  if (scope === "all") return sql`TRUE`;
  if (scope === "rotated") return sql`search_key_id <> ${keyring.primaryKeyId}`;
  return sql`search_key_id IS DISTINCT FROM ${keyring.primaryKeyId}`;
}

/** Reports in `scope` that are not (yet) indexed under the primary key. */
export async function countUnindexed(db: Kysely<Database>, keyring: Keyring, scope: Exclude<ReindexScope, "all"> = "stale"): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM reports WHERE ${scopeCondition(keyring, scope)}`.execute(db);
  return Number(rows[0]!.n);
}

async function textOf(keyring: Keyring, row: Row): Promise<{ subject: string | null; bodyText: string | null; fromRaw: boolean }> {
  const open = (column: "subject_enc" | "body_text_enc") => {
    const envelope = row[column];
    return envelope ? decryptFieldText(keyring, { table: "reports", column, rowId: row.id }, envelope) : null;
  };
  if (row.raw_message_enc) {
    const raw = await decryptField(keyring, { table: "reports", column: "raw_message_enc", rowId: row.id }, row.raw_message_enc);
    try {
      const parsed = await analyzeEmailWithText(raw);
      return { subject: parsed.analysis.subject, bodyText: parsed.bodyText, fromRaw: true };
    } catch (err) {
      if (!(err instanceof EmailParseError)) throw err;
      return { subject: null, bodyText: null, fromRaw: true }; // stored but unparseable: domains only
    }
  }
  return { subject: await open("subject_enc"), bodyText: await open("body_text_enc"), fromRaw: false };
}

async function reindexBatch(db: Kysely<Database>, keyring: Keyring, after: string | undefined, batchSize: number, scope: ReindexScope): Promise<{ ids: string[]; fromRaw: number }> {
  return db.transaction().execute(async (trx) => {
    // The raw message is read only for rows never indexed (no encrypted subject or body yet).
    const { rows } = await sql<Row>`
      SELECT id, subject_enc, body_text_enc, sender_domain, link_domains,
             CASE WHEN search_key_id IS NULL AND subject_enc IS NULL AND body_text_enc IS NULL THEN raw_message_enc END AS raw_message_enc
      FROM reports
      WHERE ${after === undefined ? sql`TRUE` : sql`id > ${after}`} AND ${scopeCondition(keyring, scope)}
      ORDER BY id LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`.execute(trx);
    let fromRaw = 0;
    for (const row of rows) {
      const text = await textOf(keyring, row);
      if (text.fromRaw) fromRaw++;
      const fields = await reportSearchFields(keyring, { id: row.id, subject: text.subject, bodyText: text.bodyText, senderDomain: row.sender_domain, linkDomains: row.link_domains });
      await trx.updateTable("reports").set(fields).where("id", "=", row.id).execute();
    }
    return { ids: rows.map((r) => r.id), fromRaw };
  });
}

/** Indexes the reports of `scope` (default `stale`) under the primary key. */
export async function reindexReports(db: Kysely<Database>, keyring: Keyring, options: ReindexOptions = {}): Promise<ReindexResult> {
  const batchSize = options.batchSize ?? 200;
  const scope = options.scope ?? "stale";
  const log = options.log ?? (() => {});
  const total = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM reports WHERE ${scopeCondition(keyring, scope)}`.execute(db)).rows[0]!.n);
  const result: ReindexResult = { rows: 0, fromRaw: 0, left: 0 };
  if (total > 0) {
    log(`indexing ${total} report(s) under key "${keyring.primaryKeyId}" in batches of ${batchSize}`);
    let after: string | undefined;
    for (;;) {
      const batch = await reindexBatch(db, keyring, after, batchSize, scope);
      if (batch.ids.length === 0) break;
      after = batch.ids.at(-1);
      result.rows += batch.ids.length;
      result.fromRaw += batch.fromRaw;
      log(`progress: ${result.rows}/${total} reports (${Math.floor((100 * result.rows) / total)}%)`);
    }
  }
  result.left = await countUnindexed(db, keyring, scope === "rotated" ? "rotated" : "stale");
  return result;
}
