import { describe, expect, it } from "vitest";
import emailModel from "../../models/email-model.json" with { type: "json" };
import urlModel from "../../models/url-model.json" with { type: "json" };
import { calibrate } from "./calibration.ts";
import type { ModelJson } from "./model-json.ts";
import { verdictFor, worstVerdict } from "./thresholds.ts";

const models = [
  ["email", emailModel],
  ["url", urlModel],
] as unknown as [string, ModelJson][];

describe("calibrate", () => {
  const cal = { method: "isotonic" as const, x: [-2, 0, 2], y: [0.1, 0.4, 0.9] };

  it("interpolates linearly between knots and clips beyond them", () => {
    expect(calibrate(cal, -5)).toBe(0.1);
    expect(calibrate(cal, -2)).toBe(0.1);
    expect(calibrate(cal, -1)).toBeCloseTo(0.25, 12);
    expect(calibrate(cal, 1)).toBeCloseTo(0.65, 12);
    expect(calibrate(cal, 2)).toBe(0.9);
    expect(calibrate(cal, 7)).toBe(0.9);
  });
});

describe.each(models)("%s model calibration and thresholds", (_kind, json) => {
  it("maps margins to probabilities monotonically within [0, 1]", () => {
    let previous = -1;
    for (let m = -20; m <= 20; m += 0.01) {
      const p = calibrate(json.calibration, m);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      previous = p;
    }
    expect(calibrate(json.calibration, 20)).toBeGreaterThan(calibrate(json.calibration, -20));
  });

  it("has a suspicious band below the phishing threshold, with the stated probabilities", () => {
    const { phishing, suspicious } = json.thresholds;
    expect(suspicious.margin).toBeLessThan(phishing.margin);
    expect(calibrate(json.calibration, phishing.margin)).toBeCloseTo(phishing.probability, 5);
    expect(calibrate(json.calibration, suspicious.margin)).toBeCloseTo(suspicious.probability, 5);
    expect(verdictFor(json.thresholds, phishing.margin)).toBe("phishing");
    expect(verdictFor(json.thresholds, Math.fround(phishing.margin - 1e-3))).toBe("suspicious");
    expect(verdictFor(json.thresholds, suspicious.margin)).toBe("suspicious");
    expect(verdictFor(json.thresholds, suspicious.margin - 1e-3)).toBe("legitimate");
  });

  it("never gives one probability two verdicts: just below each threshold the probability is lower", () => {
    for (const { margin } of [json.thresholds.phishing, json.thresholds.suspicious]) {
      const justBelow = Math.fround(margin - Math.max(1e-6, Math.abs(margin) * 1e-6));
      expect(calibrate(json.calibration, justBelow)).toBeLessThan(calibrate(json.calibration, margin));
    }
  });
});

describe("worstVerdict", () => {
  it("ranks phishing over suspicious over legitimate", () => {
    expect(worstVerdict(["legitimate", "suspicious", "legitimate"])).toBe("suspicious");
    expect(worstVerdict(["suspicious", "phishing"])).toBe("phishing");
    expect(worstVerdict([])).toBe("legitimate");
  });
});
