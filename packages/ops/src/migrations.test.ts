// Migrations against the real Postgres: up, down, up again; safe to run twice and concurrently;
// an edited applied migration is refused.
import { cp, mkdtemp, appendFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "./index.ts";
import { migrateDown, migrateUp, readMigrations } from "./migrations.ts";
import { openNodeDatabase } from "./node-database.ts";
import type { DatabaseHandle } from "@traceo/db";

const ADMIN = "postgres://postgres@127.0.0.1:5432/postgres";
const NAME = `traceo_migrations_${process.pid}`;
let handle: DatabaseHandle;

async function admin(statement: string) {
  const h = await openNodeDatabase(ADMIN);
  try {
    await sql.raw(statement).execute(h.db);
  } finally {
    await h.close();
  }
}

async function tables(): Promise<string[]> {
  const r = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(handle.db);
  return r.rows.map((x) => x.tablename);
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${NAME}"`);
  handle = await openNodeDatabase(`postgres://postgres@127.0.0.1:5432/${NAME}`);
});

afterAll(async () => {
  await handle.close();
  await admin(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
});

describe("migrations", () => {
  it("apply once, then report nothing to do", async () => {
    const all = (await readMigrations(MIGRATIONS_DIR)).map((m) => `${m.version}_${m.name}`);
    expect(await migrateUp(handle.db, MIGRATIONS_DIR)).toEqual(all);
    expect(await migrateUp(handle.db, MIGRATIONS_DIR)).toEqual([]);
    expect(await tables()).toEqual(expect.arrayContaining(["accounts", "api_keys", "reports", "schema_migrations"]));
  });

  it("go down and up again, also with data in the tables", async () => {
    await sql`INSERT INTO accounts (id, name) VALUES ('acc_1', 'someone')`.execute(handle.db);
    const all = await readMigrations(MIGRATIONS_DIR);
    expect(await migrateDown(handle.db, MIGRATIONS_DIR, all.length)).toHaveLength(all.length);
    expect(await tables()).toEqual(["schema_migrations"]);
    expect(await migrateUp(handle.db, MIGRATIONS_DIR)).toHaveLength(all.length);
    await sql`INSERT INTO accounts (id, name) VALUES ('acc_2', 'someone else')`.execute(handle.db);
  });

  it("two runs at once both succeed and apply each migration once", async () => {
    const all = await readMigrations(MIGRATIONS_DIR);
    await migrateDown(handle.db, MIGRATIONS_DIR, all.length);
    const other = await openNodeDatabase(`postgres://postgres@127.0.0.1:5432/${NAME}`);
    try {
      const [a, b] = await Promise.all([migrateUp(handle.db, MIGRATIONS_DIR), migrateUp(other.db, MIGRATIONS_DIR)]);
      expect([...a, ...b].sort()).toEqual(all.map((m) => `${m.version}_${m.name}`).sort());
    } finally {
      await other.close();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = await mkdtemp(join(tmpdir(), "migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await appendFile(join(dir, "0001_core.up.sql"), "\n-- edited\n");
      await expect(migrateUp(handle.db, dir)).rejects.toThrow(/0001_core was edited after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
