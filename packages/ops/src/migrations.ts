// Numbered SQL migrations (NNNN_name.up.sql / .down.sql), each applied in its own transaction,
// recorded with a checksum so an edited, already-applied file is refused. An advisory lock makes
// concurrent runs wait for each other instead of racing.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.(up|down)\.sql$/;
const LOCK_ID = 727_274_001; // arbitrary, constant: "traceo migrations"

export interface Migration {
  version: string;
  name: string;
  up: string;
  down: string;
  checksum: string;
}

export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  const byVersion = new Map<string, Partial<Migration>>();
  for (const file of files) {
    const [, version, name, direction] = FILE_PATTERN.exec(file)!;
    const entry = byVersion.get(version!) ?? { version: version!, name: name! };
    if (entry.name !== name) throw new Error(`Migration ${version} has two names: ${entry.name} and ${name}.`);
    entry[direction as "up" | "down"] = await readFile(join(dir, file), "utf8");
    byVersion.set(version!, entry);
  }
  return [...byVersion.values()].map((m) => {
    if (m.up === undefined || m.down === undefined) throw new Error(`Migration ${m.version}_${m.name} needs both .up.sql and .down.sql.`);
    const checksum = createHash("sha256").update(m.up).update("\0").update(m.down).digest("hex");
    return { ...m, checksum } as Migration;
  });
}

async function ensureLedger(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
}

type Applied = { version: string; name: string; checksum: string };

async function appliedMigrations(db: Kysely<any>): Promise<Applied[]> {
  const result = await sql<Applied>`SELECT version, name, checksum FROM schema_migrations ORDER BY version`.execute(db);
  return result.rows;
}

function verifyChecksums(known: Migration[], applied: Applied[]): void {
  for (const row of applied) {
    const file = known.find((m) => m.version === row.version);
    if (!file) throw new Error(`Migration ${row.version}_${row.name} is applied but its files are missing.`);
    if (file.checksum !== row.checksum) {
      throw new Error(`Migration ${row.version}_${row.name} was edited after it was applied (checksum differs). Add a new migration instead.`);
    }
  }
}

export interface MigrationLog {
  (line: string): void;
}

export async function migrateUp(db: Kysely<any>, dir: string, log: MigrationLog = () => {}): Promise<string[]> {
  const known = await readMigrations(dir);
  await ensureLedger(db);
  const done: string[] = [];
  for (const migration of known) {
    const appliedNow = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_ID})`.execute(trx);
      const applied = await appliedMigrations(trx);
      verifyChecksums(known, applied);
      if (applied.some((a) => a.version === migration.version)) return false;
      await sql.raw(migration.up).execute(trx);
      await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${migration.version}, ${migration.name}, ${migration.checksum})`.execute(trx);
      return true;
    });
    if (appliedNow) {
      done.push(`${migration.version}_${migration.name}`);
      log(`applied ${migration.version}_${migration.name}`);
    }
  }
  if (done.length === 0) log("database is up to date");
  return done;
}

export async function migrateDown(db: Kysely<any>, dir: string, steps = 1, log: MigrationLog = () => {}): Promise<string[]> {
  const known = await readMigrations(dir);
  await ensureLedger(db);
  const undone: string[] = [];
  for (let i = 0; i < steps; i++) {
    const reverted = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_ID})`.execute(trx);
      const applied = await appliedMigrations(trx);
      verifyChecksums(known, applied);
      const last = applied.at(-1);
      if (!last) return undefined;
      const migration = known.find((m) => m.version === last.version)!;
      await sql.raw(migration.down).execute(trx);
      await sql`DELETE FROM schema_migrations WHERE version = ${last.version}`.execute(trx);
      return `${migration.version}_${migration.name}`;
    });
    if (!reverted) break;
    undone.push(reverted);
    log(`reverted ${reverted}`);
  }
  return undone;
}
