import { describe, expect, it } from "vitest";
import { ProblemError } from "@traceo/problem";
import { parseInstant, parseLimit, parseText } from "./query-params.ts";

function refusal(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProblemError) return err.status;
    throw err;
  }
  return 0;
}

describe("query parameters", () => {
  it("read dates as UTC midnight and date-times with their offset", () => {
    expect(parseInstant("from", "2026-12-01")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseInstant("from", "2026-12-01T09:30:00+09:00")?.toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(parseInstant("from", "2026-12-01T00:00:00.123456Z")?.toISOString()).toBe("2026-12-01T00:00:00.123Z");
    expect(parseInstant("from", undefined)).toBeUndefined();
  });

  it("refuse impossible, offset-less and out-of-range dates with 422", () => {
    for (const raw of ["2026-02-29", "2026-13-01", "2026-12-01T10:00:00", "26-12-01", "1999-12-31", "3000-01-01", "now", "2026-12-01T25:00:00Z"]) {
      expect(refusal(() => parseInstant("from", raw)), raw).toBe(422);
    }
    expect(parseInstant("from", "2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("refuse NUL, control characters, lone surrogates and oversize text", () => {
    expect(refusal(() => parseText("q", "a\u0000b", 100))).toBe(422);
    expect(refusal(() => parseText("q", "a\u0007b", 100))).toBe(422);
    expect(refusal(() => parseText("q", "a\uD800b", 100))).toBe(422);
    expect(refusal(() => parseText("q", "x".repeat(101), 100))).toBe(422);
    expect(parseText("q", "tab\tand 😀 emoji", 100)).toBe("tab\tand 😀 emoji");
  });

  it("bound the page size", () => {
    expect(parseLimit(undefined, 20, 50)).toBe(20);
    expect(parseLimit("50", 20, 50)).toBe(50);
    for (const raw of ["0", "51", "-1", "1.5", "1e2", "abc"]) expect(refusal(() => parseLimit(raw, 20, 50)), raw).toBe(422);
  });
});
