// Kysely types of the partitioned logs (migration 0003). Both are partitioned by month on occurred_at (UTC).
import type { ColumnType, Generated } from "kysely";

type OccurredAt = ColumnType<Date, Date | string | undefined, never>;

export interface ApiKeyUsageTable {
  occurred_at: OccurredAt;
  api_key_id: string;
  account_id: string;
  method: string;
  /** The route pattern (`/v1/analyze/email`), not the concrete path, so it stays low-cardinality. */
  endpoint: string;
  status: number;
  latency_ms: number;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurred_at: OccurredAt;
  event_type: string;
  actor_account_id: string | null;
  actor_user_id: string | null;
  api_key_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}
