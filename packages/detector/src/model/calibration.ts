// Margin -> calibrated probability with the isotonic map fitted on out-of-fold predictions at
// training time. Same rule as sklearn's IsotonicRegression(out_of_bounds="clip").predict:
// linear interpolation between knots, constant beyond the first and last knot.

import type { CalibrationJson } from "./model-json.ts";

export function calibrate(cal: CalibrationJson, margin: number): number {
  const { x, y } = cal;
  const n = x.length;
  if (n === 0) return 1 / (1 + Math.exp(-margin));
  if (Number.isNaN(margin)) return Number.NaN;
  if (margin <= x[0]!) return y[0]!;
  if (margin >= x[n - 1]!) return y[n - 1]!;
  // Binary search for the last knot <= margin.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= margin) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo]!;
  const x1 = x[hi]!;
  const y0 = y[lo]!;
  const y1 = y[hi]!;
  return x1 === x0 ? y1 : y0 + ((margin - x0) * (y1 - y0)) / (x1 - x0);
}
