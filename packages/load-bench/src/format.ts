// The printed tables of bench:load.
import type { WrkResult } from "./wrk.ts";

const num = (n: number, digits = 1) => n.toFixed(digits);

/** Wide enough for "POST /v1/analyze/email". */
const ENDPOINT_WIDTH = 22;

export const COMPARISON_HEADER = `${"endpoint".padEnd(ENDPOINT_WIDTH)} conns |  analyze req/s  p50 ms  p99 ms  non-200 | bare req/s  p50 ms  p99 ms | req/s ratio  p50 ratio`;

/** One row: the analyze Worker beside the bare handler at the same concurrency. */
export function comparisonRow(endpoint: string, connections: number, analyze: WrkResult, bare: WrkResult): string {
  const nonOk = analyze.requests - (analyze.statuses["200"] ?? 0);
  return [
    endpoint.padEnd(ENDPOINT_WIDTH),
    String(connections).padStart(5),
    "|",
    num(analyze.requestsPerSecond).padStart(14),
    num(analyze.p50Ms).padStart(7),
    num(analyze.p99Ms).padStart(7),
    String(nonOk).padStart(8),
    "|",
    num(bare.requestsPerSecond).padStart(10),
    num(bare.p50Ms).padStart(7),
    num(bare.p99Ms).padStart(7),
    "|",
    `${num((analyze.requestsPerSecond / bare.requestsPerSecond) * 100, 2)}%`.padStart(11),
    `${num(analyze.p50Ms / bare.p50Ms)}x`.padStart(10),
  ].join(" ");
}

export function statusSummary(result: WrkResult): string {
  const parts = Object.entries(result.statuses).map(([status, n]) => `${status}: ${n}`);
  return parts.length > 0 ? parts.join(", ") : "no answers";
}

/** A least-squares slope says something only from three samples on. */
export function slopeText(samples: number, slopeMiBPerMinute: number): string {
  return samples >= 3 ? `, slope ${slopeMiBPerMinute.toFixed(2)} MiB/min` : " (too few samples for a slope)";
}
