// Kysely table types; they mirror migrations/*.up.sql.
import type { ColumnType, JSONColumnType } from "kysely";
import type { ApiKeyUsageTable, AuditLogTable } from "./schema-logs.ts";
import type { AccountSearchColumns, ReportSearchColumns } from "./schema-search.ts";
import type { AuthTables } from "./schema-auth.ts";

/** Set by the database default unless given; never updated. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** A @traceo/crypto envelope (bytea); Postgres hands it back as a Buffer, itself a Uint8Array. */
type Encrypted = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;

export interface AccountsTable {
  id: string;
  name: string;
  /** The highest tier the account may give its own keys (migration 0006). */
  plan: ColumnType<"free" | "pro" | "enterprise", "free" | "pro" | "enterprise" | undefined, "free" | "pro" | "enterprise">;
  created_at: CreatedAt;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  name: string;
  key_hash: string;
  display_prefix: string;
  environment: "test" | "live";
  tier: "free" | "pro" | "enterprise";
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReportsTable {
  id: string;
  account_id: string;
  api_key_id: string | null;
  kind: "email" | "url";
  verdict: "phishing" | "suspicious" | "legitimate";
  score: number;
  probability: number;
  model_version: string;
  sender_domain: string | null;
  link_domains: ColumnType<string[], string[] | undefined, string[]>;
  result: JSONColumnType<Record<string, unknown>>;
  created_at: CreatedAt;
  /** encryptField(keyring, { table: "reports", column: "raw_message_enc", rowId: id }, raw message) */
  raw_message_enc: Encrypted;
  /** encryptField(keyring, { table: "reports", column: "sender_address_enc", rowId: id }, From address) */
  sender_address_enc: Encrypted;
}

export interface Database extends AuthTables {
  accounts: AccountsTable & AccountSearchColumns;
  api_keys: ApiKeysTable;
  reports: ReportsTable & ReportSearchColumns;
  api_key_usage: ApiKeyUsageTable;
  audit_log: AuditLogTable;
}
