// One maintenance pass over the partitioned logs (idempotent; safe to run concurrently).
import { logMaintenanceSettingsFrom, maintainLogPartitions, openDatabase, type DatabaseSettings } from "@traceo/db";

export interface MaintenanceEnv extends DatabaseSettings {
  LOG_MONTHS_AHEAD?: string;
  USAGE_RETENTION_MONTHS?: string;
  AUDIT_RETENTION_MONTHS?: string;
}

export async function runScheduledMaintenance(env: MaintenanceEnv, at?: Date) {
  const settings = { ...logMaintenanceSettingsFrom(env as unknown as Record<string, unknown>), ...(at ? { at } : {}) };
  const handle = openDatabase(env);
  try {
    const actions = await maintainLogPartitions(handle.db, settings);
    console.log(JSON.stringify({ level: "info", msg: "log partitions maintained", settings, actions }));
    return actions;
  } finally {
    await handle.close();
  }
}

