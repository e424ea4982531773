// Small timing helpers: percentiles over per-item durations, formatted in microseconds or ms.

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i]!;
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

/** "median X, p99 Y (n=N)" for a list of durations in ms. */
export function summarize(durationsMs: number[]): { median: number; p99: number; text: string } {
  const s = [...durationsMs].sort((a, b) => a - b);
  const median = percentile(s, 50);
  const p99 = percentile(s, 99);
  return { median, p99, text: `median ${formatMs(median)}, p99 ${formatMs(p99)} (n=${s.length})` };
}
