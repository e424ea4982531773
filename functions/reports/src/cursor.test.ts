import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, queryFingerprint } from "./cursor.ts";

describe("search cursors", () => {
  const f = queryFingerprint(["paypal", null, null, null, null]);

  it("round-trip a position for the same query", () => {
    const c = encodeCursor("rank", { value: "0.0333333", id: "rep_01ABC", asOf: "2026-12-03T18:00:00.000Z" }, f);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, "rank", f)).toEqual({ value: "0.0333333", id: "rep_01ABC", asOf: "2026-12-03T18:00:00.000Z" });
    const t = encodeCursor("time", { value: "2026-12-03T17:00:00.123456", id: "rep_01ABC" }, f);
    expect(decodeCursor(t, "time", f)).toEqual({ value: "2026-12-03T17:00:00.123456", id: "rep_01ABC" });
    expect(decodeCursor(encodeCursor("rank", { value: "1e-05", id: "rep_x", asOf: "2026-12-03T18:00:00.000Z" }, f), "rank", f)).toEqual({ value: "1e-05", id: "rep_x", asOf: "2026-12-03T18:00:00.000Z" });
    // A ranked cursor without its window instant is not one this API issued.
    expect(decodeCursor(encodeCursor("rank", { value: "0.1", id: "rep_x" }, f), "rank", f)).toHaveProperty("error");
  });

  it("refuse a cursor of another query or ordering", () => {
    const c = encodeCursor("rank", { value: "0.1", id: "rep_1", asOf: "2026-12-03T18:00:00.000Z" }, f);
    expect(decodeCursor(c, "rank", queryFingerprint(["paypa", null, null, null, null]))).toEqual({ error: expect.stringMatching(/different query/) });
    expect(decodeCursor(c, "time", f)).toEqual({ error: expect.stringMatching(/different query/) });
  });

  it("refuse garbage, injected values and oversize input", () => {
    for (const raw of ["", "%%%", "AAAA", "e30", "x".repeat(2000), btoa('{"o":"rank","v":"0.1); DROP TABLE x","i":"rep_1","f":"' + f + '"}').replace(/=+$/, "")]) {
      expect(decodeCursor(raw, "rank", f)).toHaveProperty("error");
    }
  });

  it("fingerprints differ when any filter differs", () => {
    expect(queryFingerprint(["a", null])).not.toBe(queryFingerprint(["a", "b"]));
    expect(queryFingerprint(["a", null])).toBe(queryFingerprint(["a", null]));
  });
});
