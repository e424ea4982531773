// Dependency-free evaluator for the exported xgboost trees. It reproduces xgboost 1.7's CPU
// predictor bit for bit: feature values and split conditions are float32, a node goes left when
// value < split_condition, a missing value (NaN) follows default_left, and the margin is a float32
// accumulator that starts at base_margin and adds one leaf per tree in tree order.

import type { ModelJson } from "./model-json.ts";

const fround = Math.fround;

/** A model compiled into flat typed arrays; node ids are global across trees. */
export interface TreeEnsemble {
  readonly kind: ModelJson["kind"];
  readonly version: string;
  readonly featureNames: readonly string[];
  readonly baseMargin: number;
  /** Global node id of each tree's root. */
  readonly roots: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float32Array;
  readonly defaultLeft: Uint8Array;
  readonly cover: Float64Array;
  readonly json: ModelJson;
}

export function compileModel(json: ModelJson): TreeEnsemble {
  if (json.format !== "traceo-tree-ensemble/1") throw new Error(`unknown model format ${String(json.format)}`);
  const total = json.trees.reduce((n, t) => n + t.left.length, 0);
  const roots = new Int32Array(json.trees.length);
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const feature = new Int32Array(total);
  const threshold = new Float32Array(total);
  const defaultLeft = new Uint8Array(total);
  const cover = new Float64Array(total);
  let offset = 0;
  json.trees.forEach((tree, t) => {
    roots[t] = offset;
    for (let i = 0; i < tree.left.length; i++) {
      const l = tree.left[i]!;
      left[offset + i] = l < 0 ? -1 : offset + l;
      right[offset + i] = l < 0 ? -1 : offset + tree.right[i]!;
      feature[offset + i] = tree.feature[i]!;
      threshold[offset + i] = tree.threshold[i]!; // Float32Array rounds exactly like xgboost's float parse
      defaultLeft[offset + i] = tree.default_left[i]!;
      cover[offset + i] = tree.cover[i]!;
    }
    offset += tree.left.length;
  });
  return {
    kind: json.kind,
    version: json.version,
    featureNames: json.feature_names,
    baseMargin: fround(json.base_margin),
    roots,
    left,
    right,
    feature,
    threshold,
    defaultLeft,
    cover,
    json,
  };
}

/** The child a row takes at an inner node, exactly as xgboost's GetNext. */
export function nextNode(m: TreeEnsemble, node: number, x: Float32Array): number {
  const v = x[m.feature[node]!]!;
  if (Number.isNaN(v)) return m.defaultLeft[node] ? m.left[node]! : m.right[node]!;
  return v < m.threshold[node]! ? m.left[node]! : m.right[node]!;
}

export function leafOf(m: TreeEnsemble, root: number, x: Float32Array): number {
  let node = root;
  while (m.left[node]! >= 0) node = nextNode(m, node, x);
  return node;
}

/** Raw margin (log-odds) of one row, in xgboost's float32 summation order. */
export function predictMargin(m: TreeEnsemble, x: Float32Array): number {
  let sum = m.baseMargin;
  for (let t = 0; t < m.roots.length; t++) {
    sum = fround(sum + m.threshold[leafOf(m, m.roots[t]!, x)]!);
  }
  return sum;
}

/**
 * The same margin summed in float64: the exact sum of the float32 leaf values. TreeSHAP's
 * contributions add up to this; xgboost's float32 accumulator differs from it by rounding only.
 */
export function predictMarginExact(m: TreeEnsemble, x: Float32Array): number {
  let sum = m.baseMargin;
  for (let t = 0; t < m.roots.length; t++) sum += m.threshold[leafOf(m, m.roots[t]!, x)]!;
  return sum;
}
