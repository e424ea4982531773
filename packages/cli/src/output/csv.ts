// --format csv: one row per item, RFC 4180 quoting. Subjects, URLs and reasons come from untrusted
// mail, so a text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe (OWASP "CSV injection").
import type { ScanRecord } from "./record.ts";

export const CSV_COLUMNS = [
  "file", "index", "offset", "url", "kind", "verdict", "score", "probability", "model_version", "subject",
  "top_reason", "reason_features", "from_domain", "reply_to_domain", "return_path_domain", "spf", "dkim", "dmarc",
  "link_count", "riskiest_link", "id", "error_status", "error",
] as const;

function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvRow(record: ScanRecord): string {
  const s = record.source;
  const base = { file: text(s.file), index: s.index ?? "", offset: s.offset ?? "", url: text(s.url) };
  let cells: Record<(typeof CSV_COLUMNS)[number], string | number>;
  if (record.error) {
    cells = { ...base, kind: "", verdict: "", score: "", probability: "", model_version: "", subject: "", top_reason: "", reason_features: "",
      from_domain: "", reply_to_domain: "", return_path_domain: "", spf: "", dkim: "", dmarc: "", link_count: "", riskiest_link: "", id: "",
      error_status: record.error.status ?? "", error: text(record.error.detail) };
  } else {
    const h = record.headers;
    const riskiest = [...record.urls].sort((a, b) => b.score - a.score)[0];
    cells = { ...base, kind: record.kind, verdict: record.verdict, score: record.score, probability: record.probability, model_version: text(record.model_version),
      subject: text(record.subject), top_reason: text(record.reasons[0]?.message), reason_features: record.reasons.map((r) => r.feature).join(" "),
      from_domain: text(h?.from_domain), reply_to_domain: text(h?.reply_to_domain), return_path_domain: text(h?.return_path_domain),
      spf: text(h?.spf), dkim: text(h?.dkim), dmarc: text(h?.dmarc), link_count: record.urls.length, riskiest_link: text(riskiest?.url),
      id: text(record.id), error_status: "", error: "" };
  }
  return CSV_COLUMNS.map((c) => quote(String(cells[c]))).join(",");
}

export const csvHeader = (): string => CSV_COLUMNS.join(",");
