import type { Kysely } from "kysely";
import type { Database, ReportsTable } from "./schema.ts";
import type { Insertable } from "kysely";

export async function insertReport(db: Kysely<Database>, report: Insertable<ReportsTable>): Promise<void> {
  await db.insertInto("reports").values(report).execute();
}
