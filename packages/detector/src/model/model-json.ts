// Shape of the exported model files in packages/detector/models/*.json, written by
// packages/trainer/python/export_model.py from xgboost's save_model JSON.

/**
 * One regression tree as parallel arrays indexed by node id (node 0 is the root).
 * Leaves have left === -1; for a leaf, `threshold` holds the leaf value (as in xgboost's JSON).
 */
export interface TreeJson {
  left: number[];
  right: number[];
  /** Index into the model's feature_names; -1 for leaves. */
  feature: number[];
  /** Split condition (float32): go left when value < threshold. Leaf value for leaves. */
  threshold: number[];
  /** 1 when a missing value goes left. */
  default_left: number[];
  /** Sum of hessians reaching the node (xgboost "cover"); TreeSHAP weights paths by it. */
  cover: number[];
}

/** Isotonic map from margin to probability, applied by linear interpolation and clipped at the ends. */
export interface CalibrationJson {
  method: "isotonic";
  x: number[];
  y: number[];
}

export interface ThresholdJson {
  /** Verdict applies when margin >= this. Deciding on the margin keeps ties on calibration plateaus stable. */
  margin: number;
  /** Calibrated probability at that margin, for display. */
  probability: number;
  /** How the threshold was chosen, e.g. "FPR <= 0.5% on legitimate (out-of-fold)". */
  rule: string;
}

export interface ModelJson {
  format: "traceo-tree-ensemble/1";
  kind: "email" | "url";
  version: string;
  xgboost_version: string;
  objective: "binary:logistic";
  /** base_score as xgboost stores it (a probability for binary:logistic). */
  base_score: number;
  /** The float32 margin every prediction starts from: ProbToMargin(base_score), computed by the exporter in float32. */
  base_margin: number;
  feature_names: string[];
  trees: TreeJson[];
  calibration: CalibrationJson;
  thresholds: { phishing: ThresholdJson; suspicious: ThresholdJson };
  /** Summary numbers for humans; the model card has the full report. */
  metrics: Record<string, unknown>;
}
