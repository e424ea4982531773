// The table printed after a scan: verdict, score, subject (or URL), top reason and where it came
// from, each row cut to the terminal's width.
import { colors, fit, safeText } from "./terminal-text.ts";
import { sourceLabel, type ScanRecord } from "./record.ts";

export interface TableRow {
  verdict: string; // a verdict or "error"
  score: string;
  what: string;
  why: string;
  where: string;
}

/** The little a table needs, so the full records need not be kept. */
export function tableRow(record: ScanRecord): TableRow {
  const where = record.source.url !== null ? "url" : sourceLabel(record.source);
  if (record.error) return { verdict: "error", score: "", what: record.source.url ?? "", why: `${record.error.status ?? ""} ${record.error.detail}`.trim(), where };
  const what = record.kind === "url" ? (record.urls[0]?.url ?? record.source.url ?? "") : (record.subject ?? "(no subject)");
  return { verdict: record.verdict, score: String(record.score), what: safeText(what), why: safeText(record.reasons[0]?.message ?? ""), where };
}

export function renderTable(rows: readonly TableRow[], width: number, color: boolean): string[] {
  const c = colors(color);
  const gap = "  ";
  const verdictW = 10;
  const scoreW = 5;
  const whereW = Math.min(34, Math.max(6, ...rows.map((r) => Array.from(r.where).length)));
  const flexible = Math.max(20, width - verdictW - scoreW - whereW - gap.length * 4);
  const whatW = Math.max(10, Math.floor(flexible * 0.45));
  const whyW = Math.max(10, flexible - whatW);
  const header = [fit("VERDICT", verdictW), fit("SCORE", scoreW), fit("SUBJECT / URL", whatW), fit("TOP REASON", whyW), "SOURCE"].join(gap);
  const lines = [c.dim(header.trimEnd())];
  for (const r of rows) {
    const cells = [c.verdict(r.verdict, fit(r.verdict, verdictW)), r.score.padStart(3).padEnd(scoreW), fit(r.what, whatW), fit(r.why, whyW), fit(r.where, whereW, "start").trimEnd()];
    lines.push(cells.join(gap));
  }
  return lines;
}
