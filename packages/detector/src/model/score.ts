// One row through the whole model: margin, calibrated probability, verdict, and (optionally)
// exact TreeSHAP contributions that explain the margin.

import type { Verdict } from "../types.ts";
import { calibrate } from "./calibration.ts";
import { predictMargin, type TreeEnsemble } from "./evaluator.ts";
import { verdictFor } from "./thresholds.ts";
import { treeShap, type ShapResult } from "./treeshap.ts";

export interface RowScore {
  margin: number;
  probability: number;
  score: number;
  verdict: Verdict;
  shap: ShapResult | null;
}

export function scoreRow(model: TreeEnsemble, row: Float32Array, explain: boolean): RowScore {
  const margin = predictMargin(model, row);
  const probability = calibrate(model.json.calibration, margin);
  return {
    margin,
    probability,
    score: Math.round(probability * 100),
    verdict: verdictFor(model.json.thresholds, margin),
    shap: explain ? treeShap(model, row) : null,
  };
}
