import { describe, expect, it } from "vitest";
import emailModel from "../../models/email-model.json" with { type: "json" };
import urlModel from "../../models/url-model.json" with { type: "json" };
import emailFixture from "../../models/fixtures/parity-email.json" with { type: "json" };
import urlFixture from "../../models/fixtures/parity-url.json" with { type: "json" };
import { compileModel, predictMargin, predictMarginExact } from "./evaluator.ts";
import type { ModelJson } from "./model-json.ts";
import { fixtureRow, type ParityFixture } from "./parity-fixture.ts";
import { treeShap } from "./treeshap.ts";

const cases = [
  ["email", emailModel, emailFixture],
  ["url", urlModel, urlFixture],
] as unknown as [string, ModelJson, ParityFixture][];

describe.each(cases)("%s model TreeSHAP", (_kind, json, fixture) => {
  const model = compileModel(json);

  it("contributions plus base value equal the margin within 1e-5 on 1,000 rows", () => {
    expect(fixture.rows.length).toBe(1000);
    let worst = 0;
    let worstF32 = 0;
    for (const values of fixture.rows) {
      const x = fixtureRow(values);
      const { contributions, baseValue } = treeShap(model, x);
      const sum = contributions.reduce((a, b) => a + b, baseValue);
      // The margin as an exact sum of the leaves; xgboost's float32 running sum adds rounding on top.
      worst = Math.max(worst, Math.abs(sum - predictMarginExact(model, x)));
      worstF32 = Math.max(worstF32, Math.abs(sum - predictMargin(model, x)));
    }
    expect(worst).toBeLessThan(1e-5);
    expect(worstF32).toBeLessThan(1e-4); // 250-400 float32 additions of values up to ~1
  });

  it("matches xgboost's pred_contribs within 1e-4 per feature", () => {
    expect(fixture.contribs.length).toBeGreaterThan(100);
    let worst = 0;
    fixture.contribs.forEach((expected, i) => {
      const { contributions, baseValue } = treeShap(model, fixtureRow(fixture.rows[i]!));
      contributions.forEach((c, j) => (worst = Math.max(worst, Math.abs(c - expected[j]!))));
      worst = Math.max(worst, Math.abs(baseValue - expected[expected.length - 1]!));
    });
    expect(worst).toBeLessThan(1e-4);
  });

  it("gives zero contribution to a feature no tree splits on", () => {
    const used = new Set(json.trees.flatMap((t) => t.feature.filter((f) => f >= 0)));
    const unused = json.feature_names.map((_, j) => j).filter((j) => !used.has(j));
    const { contributions } = treeShap(model, fixtureRow(fixture.rows[0]!));
    for (const j of unused) expect(contributions[j]).toBe(0);
  });
});
