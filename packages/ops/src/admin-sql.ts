// One statement on a short-lived connection, for what cannot run in a transaction or inside the
// target database itself (CREATE / DROP DATABASE): test setup, scratch databases, benches.
import { sql } from "kysely";
import { openNodeDatabase } from "./node-database.ts";

export const LOCAL_ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function runAsAdmin(statement: string, adminUrl = LOCAL_ADMIN_DATABASE_URL): Promise<void> {
  const handle = await openNodeDatabase(adminUrl);
  try {
    await sql.raw(statement).execute(handle.db);
  } finally {
    await handle.close();
  }
}
