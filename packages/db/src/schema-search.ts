// Columns migration 0005 adds for report search. `search_vector` and `domains_text` are generated.
import type { ColumnType } from "kysely";

export interface ReportSearchColumns {
  /**
   * Visible text of the message (boundSearchBody() of it), for full-text search. The database cuts it
   * to 65,536 characters and drops it for `legitimate` mail unless the account opted in.
   */
  body_text: ColumnType<string | null, string | null | undefined, string | null>;
  search_vector: ColumnType<string, never, never>;
  domains_text: ColumnType<string, never, never>;
}

export interface AccountSearchColumns {
  /** Opt-in: also index bodies of mail judged legitimate. */
  index_legitimate_bodies: ColumnType<boolean, boolean | undefined, boolean>;
}
