// npm run migrate [-- up | down [--steps N] | status]
import { parseArgs } from "node:util";
import { ensureDatabaseExists } from "./ensure-database.ts";
import { migrateDown, migrateUp, readMigrations } from "./migrations.ts";
import { MIGRATIONS_DIR } from "./index.ts";
import { DEFAULT_DATABASE_URL, openNodeDatabase } from "./node-database.ts";
import { readSetting, redactedDatabaseUrl } from "./settings.ts";
import { sql } from "kysely";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { steps: { type: "string", default: "1" } } });
const command = positionals[0] ?? "up";
const databaseUrl = readSetting("DATABASE_URL") ?? DEFAULT_DATABASE_URL;
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  if (!["up", "down", "status"].includes(command)) throw new Error(`Unknown command "${command}": use up, down or status.`);
  if (command === "up" && (await ensureDatabaseExists(databaseUrl))) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  const handle = await openNodeDatabase(databaseUrl);
  try {
    if (command === "up") await migrateUp(handle.db, MIGRATIONS_DIR, log);
    else if (command === "down") await migrateDown(handle.db, MIGRATIONS_DIR, Number(values.steps), log);
    else {
      const known = await readMigrations(MIGRATIONS_DIR);
      const applied = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(handle.db).then((r) => new Set(r.rows.map((x) => x.version)), () => new Set<string>());
      for (const m of known) log(`${applied.has(m.version) ? "applied " : "pending "} ${m.version}_${m.name}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(`migrate: ${err instanceof Error ? err.message : String(err)}`);
  console.error(`migrate: database ${redactedDatabaseUrl()} (DATABASE_URL, else .dev.vars as the last \`npm run dev\` left it); is it running?`);
  process.exit(1);
});
