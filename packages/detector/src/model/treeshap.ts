// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2), following the structure
// of xgboost's RegTree::TreeShap so our contributions match pred_contribs. Node covers (sum of
// hessians) from the exported JSON play the role of the training-data weights. Arithmetic is in
// float64, so contributions agree with xgboost's float32 ones to ~1e-6, and sum exactly (to
// rounding) to the margin minus the base value.

import { nextNode, type TreeEnsemble } from "./evaluator.ts";

export interface ShapResult {
  /** One contribution per model feature (model order), in margin (log-odds) units. */
  contributions: Float64Array;
  /** Expected margin over the training data: base margin plus each tree's cover-weighted mean. */
  baseValue: number;
}

/** Per-model precomputation: every node's cover-weighted mean prediction, and the deepest tree. */
interface ShapTables {
  meanValue: Float64Array;
  maxDepth: number;
}

const tablesCache = new WeakMap<TreeEnsemble, ShapTables>();

function tablesFor(m: TreeEnsemble): ShapTables {
  let tables = tablesCache.get(m);
  if (tables) return tables;
  const meanValue = new Float64Array(m.left.length);
  let maxDepth = 0;
  const fill = (node: number, depth: number): number => {
    maxDepth = Math.max(maxDepth, depth);
    const l = m.left[node]!;
    if (l < 0) return (meanValue[node] = m.threshold[node]!);
    const r = m.right[node]!;
    const mean = (fill(l, depth + 1) * m.cover[l]! + fill(r, depth + 1) * m.cover[r]!) / m.cover[node]!;
    return (meanValue[node] = mean);
  };
  for (const root of m.roots) fill(root, 0);
  tables = { meanValue, maxDepth };
  tablesCache.set(m, tables);
  return tables;
}

/** The unique path of Algorithm 2 as parallel arrays; each recursion level copies into its own slice. */
class Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
  constructor(size: number) {
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

function extendPath(p: Path, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1]! += (one * p.weight[at + i]! * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i]! * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: Path, at: number, depth: number, pathIndex: number): void {
  const one = p.one[at + pathIndex]!;
  const zero = p.zero[at + pathIndex]!;
  let nextOnePortion = p.weight[at + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i]!;
      p.weight[at + i] = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      nextOnePortion = tmp - (p.weight[at + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1]!;
    p.zero[at + i] = p.zero[at + i + 1]!;
    p.one[at + i] = p.one[at + i + 1]!;
  }
}

function unwoundPathSum(p: Path, at: number, depth: number, pathIndex: number): number {
  const one = p.one[at + pathIndex]!;
  const zero = p.zero[at + pathIndex]!;
  let nextOnePortion = p.weight[at + depth]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOnePortion = p.weight[at + i]! - tmp * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += p.weight[at + i]! / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function recurse(
  m: TreeEnsemble,
  x: Float32Array,
  phi: Float64Array,
  p: Path,
  node: number,
  parentAt: number,
  depthIn: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  let depth = depthIn;
  // This level's path lives right after the parent's (depth + 1 entries), as in xgboost.
  const at = parentAt + depth + 1;
  p.feature.copyWithin(at, parentAt, parentAt + depth + 1);
  p.zero.copyWithin(at, parentAt, parentAt + depth + 1);
  p.one.copyWithin(at, parentAt, parentAt + depth + 1);
  p.weight.copyWithin(at, parentAt, parentAt + depth + 1);
  extendPath(p, at, depth, parentZero, parentOne, parentFeature);

  const l = m.left[node]!;
  if (l < 0) {
    const leaf = m.threshold[node]!;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(p, at, depth, i);
      phi[p.feature[at + i]!]! += w * (p.one[at + i]! - p.zero[at + i]!) * leaf;
    }
    return;
  }

  const split = m.feature[node]!;
  const hot = nextNode(m, node, x);
  const cold = hot === l ? m.right[node]! : l;
  const w = m.cover[node]!;
  const hotZero = m.cover[hot]! / w;
  const coldZero = m.cover[cold]! / w;
  let incomingZero = 1;
  let incomingOne = 1;

  // A feature split on again further down: undo its earlier entry and carry its fractions on.
  let pathIndex = 0;
  for (; pathIndex <= depth; pathIndex++) if (p.feature[at + pathIndex] === split) break;
  if (pathIndex !== depth + 1) {
    incomingZero = p.zero[at + pathIndex]!;
    incomingOne = p.one[at + pathIndex]!;
    unwindPath(p, at, depth, pathIndex);
    depth -= 1;
  }
  recurse(m, x, phi, p, hot, at, depth + 1, hotZero * incomingZero, incomingOne, split);
  recurse(m, x, phi, p, cold, at, depth + 1, coldZero * incomingZero, 0, split);
}

/** Exact SHAP values of one row (model feature order). contributions sum + baseValue == margin. */
export function treeShap(m: TreeEnsemble, x: Float32Array): ShapResult {
  const { meanValue, maxDepth } = tablesFor(m);
  const phi = new Float64Array(m.featureNames.length);
  const d = maxDepth + 2;
  const path = new Path(((d + 1) * (d + 2)) / 2 + d); // every level copies its parent path after it
  let baseValue = m.baseMargin;
  for (const root of m.roots) {
    baseValue += meanValue[root]!;
    // The root's path entry is a dummy feature -1 with fractions 1, which the leaf loop skips (i >= 1).
    recurse(m, x, phi, path, root, 0, 0, 1, 1, -1);
  }
  return { contributions: phi, baseValue };
}
