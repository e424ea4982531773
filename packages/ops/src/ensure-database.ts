// Creates the target database if it is missing (CREATE DATABASE cannot run inside a transaction,
// and needs a connection to another database of the same server).
import { sql } from "kysely";
import { openNodeDatabase } from "./node-database.ts";

export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create a database with an unusual name: ${name}`);
  url.pathname = "/postgres";
  const admin = await openNodeDatabase(url.toString());
  try {
    const found = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`.execute(admin.db);
    if (found.rows.length > 0) return false;
    await sql.raw(`CREATE DATABASE "${name}"`).execute(admin.db);
    return true;
  } catch (err) {
    // Two launchers racing: the loser sees "already exists", which is the state it wanted.
    if (String(err).includes("already exists")) return false;
    throw err;
  } finally {
    await admin.close();
  }
}
