// Every column that holds a @traceo/crypto envelope, in one place. Key rotation
// (`npm run keys:rotate`) re-encrypts exactly these; adding an encrypted column is one line here
// plus its migration (a bytea column with the traceo_envelope_key_id CHECK, see 0002).
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
  { table: "users", column: "email_enc", blindIndex: { column: "email_bidx", of: "email" } }, // migration 0004
  { table: "users", column: "totp_secret_enc" }, // the enabled TOTP secret (raw bytes)
  { table: "users", column: "totp_pending_enc" }, // a TOTP secret between /2fa/setup and /2fa/confirm
];
