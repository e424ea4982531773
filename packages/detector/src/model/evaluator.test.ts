import { describe, expect, it } from "vitest";
import emailModel from "../../models/email-model.json" with { type: "json" };
import urlModel from "../../models/url-model.json" with { type: "json" };
import emailFixture from "../../models/fixtures/parity-email.json" with { type: "json" };
import urlFixture from "../../models/fixtures/parity-url.json" with { type: "json" };
import { compileModel, predictMargin } from "./evaluator.ts";
import type { ModelJson } from "./model-json.ts";
import { fixtureRow, type ParityFixture } from "./parity-fixture.ts";

const cases = [
  ["email", emailModel, emailFixture],
  ["url", urlModel, urlFixture],
] as unknown as [string, ModelJson, ParityFixture][];

describe.each(cases)("%s model evaluator", (_kind, json, fixture) => {
  const model = compileModel(json);

  it("was exported together with its fixture", () => {
    expect(fixture.model_version).toBe(json.version);
    expect(fixture.feature_names).toEqual(json.feature_names);
    expect(fixture.rows.length).toBeGreaterThanOrEqual(300);
  });

  it("reproduces xgboost's float32 margins exactly on every fixture row", () => {
    const mismatches = fixture.rows
      .map((values, i) => ({ i, ours: predictMargin(model, fixtureRow(values)), xgb: fixture.margins[i] }))
      .filter((r) => r.ours !== r.xgb);
    expect(mismatches).toEqual([]);
  });

  it("sends missing values down the default branch", () => {
    const allMissing = new Float32Array(json.feature_names.length).fill(Number.NaN);
    let expected = Math.fround(json.base_margin);
    for (const tree of json.trees) {
      let node = 0;
      while (tree.left[node]! >= 0) node = tree.default_left[node] ? tree.left[node]! : tree.right[node]!;
      expected = Math.fround(expected + Math.fround(tree.threshold[node]!)); // leaves are float32
    }
    expect(predictMargin(model, allMissing)).toBe(expected);
  });

  it("stays under the 1 MB model budget", () => {
    expect(JSON.stringify(json).length).toBeLessThan(1_000_000);
  });
});
