// One line of machine-readable output: where the item came from, then exactly the API's report fields
// (with `id` and `created_at` when a server stored it), or the error that item got.
import type { ItemError, Outcome, Report } from "../analyze/outcome.ts";
import type { Source } from "../inputs/work.ts";

export type ScanRecord = ({ source: Source } & Report & { error?: undefined }) | { source: Source; error: ItemError };

export function toRecord(source: Source, outcome: Outcome): ScanRecord {
  return outcome.report ? { source, ...outcome.report } : { source, error: outcome.error };
}

/** "box.mbox[3]", "mail.eml", "-[0]" or the URL: how the table and messages name an item. */
export function sourceLabel(source: Source): string {
  if (source.url !== null) return source.url;
  return source.index === null ? String(source.file) : `${source.file}[${source.index}]`;
}
