// Re-encrypts every declared encrypted column to the keyring's primary key, in batches: keyset
// pagination by row id, each batch one transaction that locks its rows (FOR UPDATE SKIP LOCKED, so
// rows a request is writing are left for a later pass rather than waited on). It keeps no state:
// a run that is killed simply finds the rows whose envelope still names another key next time.
import { blindIndex, decryptField, encryptField, needsReencryption, type Keyring } from "@traceo/crypto";
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from "@traceo/db";
import { sql, type Kysely, type RawBuilder } from "kysely";

/** The usage entry for reports' blind search tokens: keyed by reports.search_key_id, not an envelope. */
export const SEARCH_INDEX_USAGE = { table: "reports", column: "search_tokens" } as const;

/** Reported in place of a key id for bytes that are not an envelope (impossible behind the CHECKs). */
export const NOT_AN_ENVELOPE = "(not an envelope)";

export interface KeyUsage {
  table: string;
  column: string;
  keyId: string;
  rows: number;
}

export interface RotationOptions {
  columns?: readonly EncryptedColumn[];
  batchSize?: number;
  /** Passes over the tables; later passes pick up rows that were locked by requests. */
  maxPasses?: number;
  /** Batches in flight, each its own transaction and connection (the driver's pool has two). Default 2. */
  workers?: number;
  log?: (line: string) => void;
}

export interface RotationResult {
  rowsRotated: number;
  fieldsRotated: number;
  /** Fields still under another key (rows locked through every pass); 0 when done. */
  fieldsLeft: number;
}

export class RotationError extends Error {
  override readonly name = "RotationError";
}

const CONCURRENCY = 32; // rows decrypted/encrypted at once within a batch

async function mapConcurrent<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function ident(name: string): RawBuilder<unknown> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RotationError(`unexpected SQL identifier "${name}" in the encrypted column list`);
  return sql.raw(`"${name}"`);
}

interface TableGroup {
  table: string;
  idColumn: string;
  columns: EncryptedColumn[];
}

function groupByTable(columns: readonly EncryptedColumn[]): TableGroup[] {
  const groups = new Map<string, TableGroup>();
  for (const c of columns) {
    const idColumn = c.idColumn ?? "id";
    const group = groups.get(c.table) ?? { table: c.table, idColumn, columns: [] };
    if (group.idColumn !== idColumn) throw new RotationError(`${c.table} declares two id columns (${group.idColumn}, ${idColumn})`);
    group.columns.push(c);
    groups.set(c.table, group);
  }
  return [...groups.values()];
}

/**
 * Rows per key id for every encrypted column (NULLs not counted) and, with the default columns, for
 * the reports' blind search index (`reports.search_tokens`): removing a key that still blinds
 * indexed reports would make them unfindable until reindexed, so it counts as protecting data.
 */
export async function keyUsage(db: Kysely<any>, columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS): Promise<KeyUsage[]> {
  const usage: KeyUsage[] = [];
  for (const { table, column } of columns) {
    const result = await sql<{ key_id: string | null; rows: string }>`
      SELECT traceo_envelope_key_id(${ident(column)}) AS key_id, count(*)::text AS rows
      FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
    for (const row of result.rows) usage.push({ table, column, keyId: row.key_id ?? NOT_AN_ENVELOPE, rows: Number(row.rows) });
  }
  if (columns === ENCRYPTED_COLUMNS) {
    const result = await sql<{ key_id: string; rows: string }>`
      SELECT search_key_id AS key_id, count(*)::text AS rows FROM reports WHERE search_key_id IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
    for (const row of result.rows) usage.push({ ...SEARCH_INDEX_USAGE, keyId: row.key_id, rows: Number(row.rows) });
  }
  return usage;
}

/**
 * Key ids that protect encrypted data but are missing from the keyring. Search-index keys are not
 * counted: rotation re-blinds those rows from their envelopes, which need no other key.
 */
export function missingKeys(keyring: Keyring, usage: KeyUsage[]): string[] {
  return [...new Set(usage.filter((u) => u.rows > 0 && u.column !== SEARCH_INDEX_USAGE.column && !keyring.has(u.keyId)).map((u) => u.keyId))];
}

/** Why a key cannot be removed yet, or undefined when no data needs it. */
export function removalBlocker(keyring: Keyring, keyId: string, usage: KeyUsage[]): string | undefined {
  if (keyId === keyring.primaryKeyId) return `"${keyId}" is the primary key: make another key primary and rotate first`;
  const users = usage.filter((u) => u.keyId === keyId && u.rows > 0);
  if (users.length === 0) return undefined;
  return `"${keyId}" still protects ${users.map((u) => `${u.rows} ${u.table}.${u.column}`).join(", ")}: run npm run keys:rotate first`;
}

function stillOldKey(columns: EncryptedColumn[], primaryKeyId: string): RawBuilder<unknown> {
  return sql`(${sql.join(
    columns.map((c) => sql`(${ident(c.column)} IS NOT NULL AND traceo_envelope_key_id(${ident(c.column)}) IS DISTINCT FROM ${primaryKeyId})`),
    sql` OR `,
  )})`;
}

async function countPending(db: Kysely<any>, group: TableGroup, primaryKeyId: string): Promise<number> {
  const result = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${ident(group.table)} WHERE ${stillOldKey(group.columns, primaryKeyId)}`.execute(db);
  return Number(result.rows[0]!.n);
}

async function countPendingFields(db: Kysely<any>, group: TableGroup, primaryKeyId: string): Promise<number> {
  let n = 0;
  for (const c of group.columns) n += await countPending(db, { ...group, columns: [c] }, primaryKeyId);
  return n;
}

/** One batch in one transaction; returns the rows it saw (empty when the pass is over). */
async function rotateBatch(db: Kysely<any>, keyring: Keyring, group: TableGroup, after: unknown, batchSize: number): Promise<{ ids: unknown[]; fields: number }> {
  return db.transaction().execute(async (trx) => {
    const id = ident(group.idColumn);
    const selected = await sql<Record<string, unknown>>`
      SELECT ${id} AS row_id, ${sql.join(group.columns.map((c) => ident(c.column)))}
      FROM ${ident(group.table)}
      WHERE ${after === undefined ? sql`TRUE` : sql`${id} > ${after}`} AND ${stillOldKey(group.columns, keyring.primaryKeyId)}
      ORDER BY ${id}
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`.execute(trx);
    if (selected.rows.length === 0) return { ids: [], fields: 0 };

    // Rows are independent: work on several at once, since each WebCrypto call waits on a thread.
    let fields = 0;
    const tuples = await mapConcurrent(selected.rows, CONCURRENCY, async (row) => {
      const rowId = String(row.row_id);
      const values: RawBuilder<unknown>[] = [sql`${row.row_id}`];
      for (const c of group.columns) {
        const envelope = row[c.column] as Uint8Array | null;
        let replacement: Uint8Array | null = null;
        let index: Uint8Array | null = null;
        if (envelope && needsReencryption(keyring, envelope)) {
          const ctx = { table: group.table, column: c.column, rowId };
          const plaintext = await decryptField(keyring, ctx, envelope);
          replacement = await encryptField(keyring, ctx, plaintext);
          if (c.blindIndex) index = await blindIndex(keyring, new TextDecoder().decode(plaintext));
          fields++;
        }
        // NULL means "unchanged" (COALESCE below), so untouched ciphertext is not sent back.
        values.push(sql`${replacement}::bytea`);
        if (c.blindIndex) values.push(sql`${index}::bytea`);
      }
      return sql`(${sql.join(values)})`;
    });

    const names = group.columns.flatMap((c) => (c.blindIndex ? [c.column, c.blindIndex.column] : [c.column]));
    await sql`
      UPDATE ${ident(group.table)} AS t
      SET ${sql.join(names.map((n) => sql`${ident(n)} = COALESCE(v.${ident(n)}, t.${ident(n)})`))}
      FROM (VALUES ${sql.join(tuples)}) AS v(row_id, ${sql.join(names.map(ident))})
      WHERE t.${id} = v.row_id`.execute(trx);
    return { ids: selected.rows.map((r) => r.row_id), fields };
  });
}

/**
 * Re-encrypts every field not under the primary key. Refuses to start when data uses a key the
 * keyring lacks. Logs progress after every batch and a final count.
 */
export async function rotateToPrimary(db: Kysely<any>, keyring: Keyring, options: RotationOptions = {}): Promise<RotationResult> {
  const columns = options.columns ?? ENCRYPTED_COLUMNS;
  const batchSize = options.batchSize ?? 500;
  const maxPasses = options.maxPasses ?? 3;
  const workers = options.workers ?? 2;
  const log = options.log ?? (() => {});

  const usage = await keyUsage(db, columns);
  const notEnvelopes = usage.filter((u) => u.keyId === NOT_AN_ENVELOPE);
  if (notEnvelopes.length) {
    throw new RotationError(`${notEnvelopes.map((u) => `${u.rows} ${u.table}.${u.column}`).join(", ")} value(s) are not encryption envelopes; fix them before rotating`);
  }
  const missing = missingKeys(keyring, usage);
  if (missing.length) {
    throw new RotationError(`data is encrypted with key(s) ${missing.join(", ")} that the keyring lacks (it has ${keyring.keyIds.join(", ")}); add them back before rotating`);
  }

  const groups = groupByTable(columns);
  const result: RotationResult = { rowsRotated: 0, fieldsRotated: 0, fieldsLeft: 0 };
  for (let pass = 1; pass <= maxPasses; pass++) {
    const pending = new Map<TableGroup, number>();
    for (const group of groups) pending.set(group, await countPending(db, group, keyring.primaryKeyId));
    const total = [...pending.values()].reduce((a, b) => a + b, 0);
    if (total === 0) break;
    if (pass > 1) {
      log(`pass ${pass}: ${total} row(s) were locked or written under an old key meanwhile; retrying`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } else log(`rotating ${total} row(s) to key "${keyring.primaryKeyId}" in batches of ${batchSize}`);

    let done = 0;
    for (const group of groups) {
      // Workers each keep their own keyset cursor; SKIP LOCKED hands them disjoint rows, so one
      // computes while another waits on Postgres. Cursors are compared only in SQL (collation).
      const worker = async () => {
        let after: unknown;
        for (;;) {
          const batch = await rotateBatch(db, keyring, group, after, batchSize);
          if (batch.ids.length === 0) return;
          after = batch.ids.at(-1);
          done += batch.ids.length;
          result.rowsRotated += batch.ids.length;
          result.fieldsRotated += batch.fields;
          log(`progress: ${done}/${total} rows (${Math.floor((100 * done) / total)}%) [${group.table}]`);
        }
      };
      await Promise.all(Array.from({ length: workers }, worker));
    }
  }
  for (const group of groups) result.fieldsLeft += await countPendingFields(db, group, keyring.primaryKeyId);
  return result;
}
