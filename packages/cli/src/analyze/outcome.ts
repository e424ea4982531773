// One analysed item: the API's report fields (plus `id`/`created_at` when a server stored it), or why
// it could not be analysed, with the HTTP status the API gives for it (null: no answer at all).
import type { ReportFields } from "@traceo/detector";
import type { Source, Work } from "../inputs/work.ts";

export type Report = ReportFields & { id?: string; created_at?: string };
export type ItemError = { status: number | null; detail: string };
export type Outcome = { report: Report; error?: undefined } | { report?: undefined; error: ItemError };

export type Analyzer = (work: Work) => Promise<Outcome>;

/** The API refuses bigger bodies (functions/analyze MAX_EMAIL_BYTES); the CLI refuses the same ones. */
export const MAX_EMAIL_BYTES = 10 * 1024 * 1024;

/** Turns a problem document's fields errors into one line: "Some URLs… (/url: contains spaces…)". */
export function problemDetail(detail: string, errors?: { path: string; message: string }[]): string {
  return errors && errors.length > 0 ? `${detail} (${errors.map((e) => `${e.path}: ${e.message}`).join("; ")})` : detail;
}

/**
 * An empty message, in the CLI's words (the API's "Send the raw RFC 822 message as the body." speaks
 * to an HTTP client). Status 400, as the API answers; with --api the item is not sent at all.
 */
export function emptyMessageError(source: Source): ItemError {
  const what = source.index !== null ? `Message ${source.index} of the mailbox is empty` : source.file === "-" ? "Standard input is empty" : "The file is empty";
  return { status: 400, detail: `${what}: there is no message to analyse.` };
}
