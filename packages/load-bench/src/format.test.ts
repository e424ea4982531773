import { describe, expect, it } from "vitest";
import { COMPARISON_HEADER, comparisonRow, slopeText } from "./format.ts";
import type { WrkResult } from "./wrk.ts";

const result = (requestsPerSecond: number, p50Ms: number, statuses: Record<string, number>): WrkResult => ({
  requests: Object.values(statuses).reduce((a, b) => a + b, 0),
  seconds: 10,
  requestsPerSecond,
  p50Ms,
  p99Ms: p50Ms * 3,
  maxMs: p50Ms * 5,
  statuses,
  errors: 0,
});

describe("comparison table", () => {
  it("keeps every column under its header, for the longest endpoint too", () => {
    const row = comparisonRow("POST /v1/analyze/email", 64, result(37.2, 1303, { "200": 370, "503": 2 }), result(615, 98.5, { "200": 6150 }));
    const bars = (line: string) => [...line.matchAll(/\|/g)].map((m) => m.index);
    expect(bars(row)).toEqual(bars(COMPARISON_HEADER));
    expect(row).toContain("6.05%"); // 37.2 / 615
    expect(row).toMatch(/ 2 \|/); // the two 503s
  });

  it("gives a memory slope only from three samples on", () => {
    expect(slopeText(2, 12.5)).toBe(" (too few samples for a slope)");
    expect(slopeText(3, 0.254)).toBe(", slope 0.25 MiB/min");
  });
});
