import { describe, expect, it } from "vitest";
import { compareRuns } from "./compare.ts";

const source = (index: number) => ({ file: "box.mbox", index, offset: index * 100, url: null });
const fields = { kind: "email", verdict: "phishing", score: 97, probability: 0.97, model_version: "m", reasons: [], urls: [], headers: null, subject: "s" };

describe("compareRuns", () => {
  it("ignores the API's id and created_at, and counts field-equal and byte-identical records apart", () => {
    const local = [{ source: source(0), ...fields }, { source: source(1), ...fields }, { source: source(2), error: { status: 422, detail: "x" } }];
    const api = [
      { source: source(0), id: "rep_1", created_at: "t", ...fields },
      { source: source(1), id: "rep_2", created_at: "t", ...fields, subject: "other" },
      { source: source(2), error: { status: 422, detail: "x (more)" } },
    ];
    const result = compareRuns(local, api);
    expect(result).toMatchObject({ total: 3, equal: 2, identical: 1 });
    expect(result.differences).toEqual([{ index: 1, fields: ["subject"] }]);
  });

  it("reports a record missing on one side", () => {
    expect(compareRuns([{ source: source(0), ...fields }], []).differences).toEqual([{ index: 0, fields: ["missing"] }]);
  });
});
