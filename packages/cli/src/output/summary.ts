// Counts per verdict and the exit code they mean.
import type { ScanRecord } from "./record.ts";

export interface Tally {
  total: number;
  phishing: number;
  suspicious: number;
  legitimate: number;
  errors: number;
  models: Set<string>;
}

export const newTally = (): Tally => ({ total: 0, phishing: 0, suspicious: 0, legitimate: 0, errors: 0, models: new Set() });

export function count(tally: Tally, record: ScanRecord): void {
  tally.total++;
  if (record.error) {
    tally.errors++;
    return;
  }
  tally[record.verdict]++;
  tally.models.add(record.model_version);
}

export type FailOn = "phishing" | "suspicious";

/**
 * 2 if some item could not be analysed, whatever the others were: the scan is incomplete, and a 1
 * (or a 0) would hide that (the unread item may be the phishing one; with --quiet the code is all a
 * CI job sees). Else 1 if something is at or above --fail-on, else 0. The summary line counts both.
 */
export function exitCode(tally: Tally, failOn: FailOn): number {
  if (tally.errors > 0) return 2;
  return tally.phishing > 0 || (failOn === "suspicious" && tally.suspicious > 0) ? 1 : 0;
}

const n = (x: number) => x.toLocaleString("en-US");

export function summaryLines(tally: Tally, seconds: number, via: string): string[] {
  const rate = seconds > 0 ? tally.total / seconds : 0;
  return [
    `${n(tally.total)} ${tally.total === 1 ? "item" : "items"}: ${n(tally.phishing)} phishing, ${n(tally.suspicious)} suspicious, ${n(tally.legitimate)} legitimate, ${n(tally.errors)} ${tally.errors === 1 ? "error" : "errors"}`,
    `${seconds.toFixed(1)} s, ${rate.toFixed(1)} msg/s, ${via}${tally.models.size > 0 ? `, models ${[...tally.models].sort().join(" ")}` : ""}`,
  ];
}
