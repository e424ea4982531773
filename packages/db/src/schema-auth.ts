// Kysely types of migration 0004 (users, sessions, refresh tokens, login challenges, backup codes).
import type { ColumnType } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Envelope = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;

export interface UsersTable {
  id: string;
  account_id: string;
  username: string;
  /** encryptField(keyring, { table: "users", column: "email_enc", rowId: id }, email) */
  email_enc: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  /** blindIndex(keyring, email) */
  email_bidx: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  password_hash: string;
  created_at: CreatedAt;
  /** encryptField(keyring, { table: "users", column: "phone_enc", rowId: id }, normalisePhone(phone)); migration 0007 */
  phone_enc: Envelope;
  /** encryptField(keyring, { table: "users", column: "totp_secret_enc", rowId: id }, secret bytes) */
  totp_secret_enc: Envelope;
  totp_enabled_at: Timestamp;
  /** encryptField(keyring, { table: "users", column: "totp_pending_enc", rowId: id }, secret bytes) */
  totp_pending_enc: Envelope;
  totp_pending_created_at: Timestamp;
  /** bigint: Postgres hands it back as a string */
  totp_last_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  mfa_failures: ColumnType<number, number | undefined, number>;
  mfa_locked_until: Timestamp;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: Timestamp;
  revoked_reason: "logout" | "logout_everywhere" | "refresh_reuse" | "2fa_changed" | null;
  user_agent: string | null;
}

export interface RefreshTokensTable {
  id: string;
  session_id: string;
  token_hash: string;
  created_at: CreatedAt;
  used_at: Timestamp;
}

export interface LoginChallengesTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  attempts: ColumnType<number, number | undefined, number>;
  consumed_at: Timestamp;
}

export interface BackupCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: CreatedAt;
  used_at: Timestamp;
}

export interface AuthTables {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  refresh_tokens: RefreshTokensTable;
  login_challenges: LoginChallengesTable;
  backup_codes: BackupCodesTable;
}
