// Columns for report search: 0005 (look-alike domains, opt-in) and 0008 (the blind token index that
// replaced 0005's clear body text and tsvector). `search_tokens` and `domains_text` are generated.
import type { ColumnType } from "kysely";

type Envelope = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
/** bigint[]: Postgres hands bigints back as strings. */
type Tokens = ColumnType<string[] | null, string[] | null | undefined, string[] | null>;

export interface ReportSearchColumns {
  /** encryptField(keyring, { table: "reports", column: "subject_enc", rowId: id }, subject) */
  subject_enc: Envelope;
  /**
   * encryptField(..., column "body_text_enc") of boundSearchBody(visible text), for snippets. The
   * database drops it (and body_tokens) for `legitimate` mail unless the account opted in.
   */
  body_text_enc: Envelope;
  /** The keyring key the blind tokens were computed under (blindSearchTokens); NULL = not indexed yet. */
  search_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  subject_tokens: Tokens;
  domain_tokens: Tokens;
  body_tokens: Tokens;
  /** subject_tokens || domain_tokens || body_tokens, GIN-indexed. */
  search_tokens: ColumnType<string[] | null, never, never>;
  domains_text: ColumnType<string, never, never>;
}

export interface AccountSearchColumns {
  /** Opt-in: also index bodies of mail judged legitimate. */
  index_legitimate_bodies: ColumnType<boolean, boolean | undefined, boolean>;
}
