// Partition upkeep for the usage and audit logs; the work itself is the SQL function of migration
// 0003 (one round trip, one transaction, an advisory lock against concurrent runs).
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface LogMaintenanceSettings {
  /** Partitions premade beyond the current month (at least 3). */
  monthsAhead: number;
  /** Whole months kept before the current one; older partitions are detached and dropped. */
  usageRetentionMonths: number;
  auditRetentionMonths: number;
  /** "Now" for the computation; tests move it. */
  at?: Date;
}

export const DEFAULT_LOG_MAINTENANCE: LogMaintenanceSettings = { monthsAhead: 3, usageRetentionMonths: 13, auditRetentionMonths: 25 };

export interface MaintenanceAction {
  table: "api_key_usage" | "audit_log";
  action: "created" | "dropped" | "purged";
  partition: string;
  rows: number | null;
}

/** Reads settings such as `LOG_MONTHS_AHEAD=3` from an env object; bad values throw with the name. */
export function logMaintenanceSettingsFrom(env: Record<string, unknown>): LogMaintenanceSettings {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${String(raw)}".`);
    return value;
  };
  return {
    monthsAhead: read("LOG_MONTHS_AHEAD", DEFAULT_LOG_MAINTENANCE.monthsAhead, 3, 36),
    usageRetentionMonths: read("USAGE_RETENTION_MONTHS", DEFAULT_LOG_MAINTENANCE.usageRetentionMonths, 1, 1200),
    auditRetentionMonths: read("AUDIT_RETENTION_MONTHS", DEFAULT_LOG_MAINTENANCE.auditRetentionMonths, 1, 1200),
  };
}

export async function maintainLogPartitions(db: Kysely<Database>, settings: LogMaintenanceSettings): Promise<MaintenanceAction[]> {
  const at = (settings.at ?? new Date()).toISOString();
  const actions: MaintenanceAction[] = [];
  for (const [table, retention] of [["api_key_usage", settings.usageRetentionMonths], ["audit_log", settings.auditRetentionMonths]] as const) {
    const { rows } = await db.transaction().execute((trx) =>
      sql<{ action: MaintenanceAction["action"]; partition_name: string; row_count: string | null }>`
        SELECT action, partition_name, row_count
        FROM traceo_maintain_log_partitions(${table}, ${settings.monthsAhead}::int, ${retention}::int, ${at}::timestamptz)`.execute(trx),
    );
    for (const r of rows) actions.push({ table, action: r.action, partition: r.partition_name, rows: r.row_count === null ? null : Number(r.row_count) });
  }
  return actions;
}
