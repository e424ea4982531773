// Every column that holds a @traceo/crypto envelope, in one place. Key rotation
// (`npm run keys:rotate`) re-encrypts exactly these; adding an encrypted column is one line here
// plus its migration (a bytea column with the traceo_envelope_key_id CHECK, see 0002).
// The reports' blind search tokens are keyed too (reports.search_key_id); rotation re-blinds them
// from the encrypted subject and body (packages/ops/src/report-reindex.ts).
import type { Database } from "./schema.ts";

export interface EncryptedColumn {
  table: keyof Database & string;
  column: string;
  /** The row's primary key; its value is the row id bound into the envelope. Default "id". */
  idColumn?: string;
  /** A blind-index column of this value, recomputed under the primary key when the value is rotated. */
  blindIndex?: { column: string; of: "email" };
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: "reports", column: "raw_message_enc" }, // the submitted raw message (RFC 822 bytes)
  { table: "reports", column: "sender_address_enc" }, // the From address as text
  { table: "reports", column: "subject_enc" }, // the message subject (migration 0008)
  { table: "reports", column: "body_text_enc" }, // the visible body text kept for snippets (migration 0008)
  { table: "users", column: "email_enc", blindIndex: { column: "email_bidx", of: "email" } }, // migration 0004
  { table: "users", column: "totp_secret_enc" }, // the enabled TOTP secret (raw bytes)
  { table: "users", column: "totp_pending_enc" }, // a TOTP secret between /2fa/setup and /2fa/confirm
  { table: "users", column: "phone_enc" }, // the optional phone number, E.164 (migration 0007)
];
