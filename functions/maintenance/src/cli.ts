// npm run db:maintain — the same upkeep as the Cron Worker, from a shell. Settings come from the
// environment or .dev.vars (DATABASE_URL, LOG_MONTHS_AHEAD, USAGE_RETENTION_MONTHS, AUDIT_RETENTION_MONTHS).
import { logMaintenanceSettingsFrom, maintainLogPartitions } from "@traceo/db";
import { DEFAULT_DATABASE_URL, openNodeDatabase } from "@traceo/ops";
import { readSetting } from "@traceo/ops/settings";

async function main(): Promise<void> {
  const names = ["LOG_MONTHS_AHEAD", "USAGE_RETENTION_MONTHS", "AUDIT_RETENTION_MONTHS"];
  const settings = logMaintenanceSettingsFrom(Object.fromEntries(names.map((n) => [n, readSetting(n)])));
  const handle = await openNodeDatabase(readSetting("DATABASE_URL") ?? DEFAULT_DATABASE_URL);
  try {
    const actions = await maintainLogPartitions(handle.db, settings);
    console.log(`months ahead ${settings.monthsAhead}, retention: usage ${settings.usageRetentionMonths} months, audit ${settings.auditRetentionMonths} months`);
    if (actions.length === 0) console.log("partitions are up to date");
    for (const a of actions) console.log(`${a.action.padEnd(8)} ${a.partition}${a.rows ? ` (${a.rows} rows)` : ""}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(`db:maintain: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
