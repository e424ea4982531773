import { describe, expect, it } from "vitest";
import { analyzeUrl } from "./analyze.ts";
import { reportFields, toReport } from "./report.ts";

describe("report mapping (shared by the analyze Worker and the CLI)", () => {
  it("keeps the API's field order: identity first, then the analysis as the detector returns it", () => {
    const analysis = analyzeUrl("http://paypa1-secure.top/login");
    const report = toReport(analysis, "rep_X", new Date("2026-12-03T19:00:00Z"));
    expect(Object.keys(report)).toEqual(["id", "created_at", "kind", "verdict", "score", "probability", "model_version", "reasons", "urls", "headers", "subject"]);
    // Byte-identical to the spread the Worker used before the mapping was shared.
    expect(JSON.stringify(report)).toBe(JSON.stringify({ id: "rep_X", created_at: "2026-12-03T19:00:00.000Z", ...analysis }));
    expect(JSON.stringify(reportFields(analysis))).toBe(JSON.stringify(analysis));
  });
});
