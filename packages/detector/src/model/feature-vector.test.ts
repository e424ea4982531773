import { describe, expect, it } from "vitest";
import { compileModel } from "./evaluator.ts";
import { bindFeatures, FeatureMismatchError, toModelRow } from "./feature-vector.ts";
import type { ModelJson } from "./model-json.ts";

// A one-split model on feature "b": b < 0.5 -> -1, else +1; missing goes right.
const json: ModelJson = {
  format: "traceo-tree-ensemble/1",
  kind: "url",
  version: "test-1",
  xgboost_version: "1.7.4",
  objective: "binary:logistic",
  base_score: 0.5,
  base_margin: 0,
  feature_names: ["a", "b"],
  trees: [{ left: [1, -1, -1], right: [2, -1, -1], feature: [1, -1, -1], threshold: [0.5, -1, 1], default_left: [0, 0, 0], cover: [2, 1, 1] }],
  calibration: { method: "isotonic", x: [], y: [] },
  thresholds: {
    phishing: { margin: 0.5, probability: 0.6, rule: "test" },
    suspicious: { margin: 0, probability: 0.5, rule: "test" },
  },
  metrics: {},
};

describe("bindFeatures / toModelRow", () => {
  const model = compileModel(json);

  it("maps values by name, whatever order the feature module uses", () => {
    const binding = bindFeatures(model, ["extra", "b", "a"]);
    expect(Array.from(toModelRow(binding, [9, 0.25, 7]))).toEqual([7, 0.25]);
  });

  it("turns null and undefined into NaN (missing)", () => {
    const row = toModelRow(bindFeatures(model, ["a", "b"]), [null, undefined]);
    expect(Number.isNaN(row[0])).toBe(true);
    expect(Number.isNaN(row[1])).toBe(true);
  });

  it("refuses a feature module that lacks a model feature", () => {
    expect(() => bindFeatures(model, ["a", "c"])).toThrow(FeatureMismatchError);
    expect(() => bindFeatures(model, ["a", "c"])).toThrow(/needs features .* b/);
  });
});
