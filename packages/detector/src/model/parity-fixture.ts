// Fixture written by the trainer: rows (in model feature order; null = missing) with the margins
// and, for some rows, the pred_contribs that xgboost itself produced for them.

export interface ParityFixture {
  kind: "email" | "url";
  model_version: string;
  feature_names: string[];
  rows: (number | null)[][];
  /** xgboost predict(output_margin=True), float32 values written exactly. */
  margins: number[];
  /** xgboost predict(pred_contribs=True) for the first rows: one value per feature, then the bias. */
  contribs: number[][];
}

export function fixtureRow(values: (number | null)[]): Float32Array {
  return Float32Array.from(values, (v) => (v === null ? Number.NaN : v));
}
