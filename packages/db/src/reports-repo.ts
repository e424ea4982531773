import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";
import type { Insertable } from "kysely";

export async function insertReport(db: Kysely<Database>, report: Insertable<Database["reports"]>): Promise<void> {
  await db.insertInto("reports").values(report).execute();
}
