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

// The unique path of Algorithm 2, one record of 4 float64 per element: feature index, zero fraction,
// one fraction, permutation weight. Each recursion level copies its parent's path right after it.
const FEAT = 0;
const ZERO = 1;
const ONE = 2;
const W = 3;
const STRIDE = 4;

function extendPath(p: Float64Array, at: number, depth: number, zero: number, one: number, feature: number): void {
  const e = at + depth * STRIDE;
  p[e + FEAT] = feature;
  p[e + ZERO] = zero;
  p[e + ONE] = one;
  p[e + W] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    const ei = at + i * STRIDE;
    p[ei + STRIDE + W]! += (one * p[ei + W]! * (i + 1)) / (depth + 1);
    p[ei + W] = (zero * p[ei + W]! * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: Float64Array, at: number, depth: number, pathIndex: number): void {
  const one = p[at + pathIndex * STRIDE + ONE]!;
  const zero = p[at + pathIndex * STRIDE + ZERO]!;
  let nextOnePortion = p[at + depth * STRIDE + W]!;
  for (let i = depth - 1; i >= 0; i--) {
    const wi = at + i * STRIDE + W;
    if (one !== 0) {
      const tmp = p[wi]!;
      p[wi] = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      nextOnePortion = tmp - (p[wi]! * zero * (depth - i)) / (depth + 1);
    } else {
      p[wi] = (p[wi]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    const ei = at + i * STRIDE;
    p[ei + FEAT] = p[ei + STRIDE + FEAT]!;
    p[ei + ZERO] = p[ei + STRIDE + ZERO]!;
    p[ei + ONE] = p[ei + STRIDE + ONE]!;
  }
}

function unwoundPathSum(p: Float64Array, at: number, depth: number, pathIndex: number): number {
  const one = p[at + pathIndex * STRIDE + ONE]!;
  const zero = p[at + pathIndex * STRIDE + ZERO]!;
  let nextOnePortion = p[at + depth * STRIDE + W]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    const wi = p[at + i * STRIDE + W]!;
    if (one !== 0) {
      const tmp = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOnePortion = wi - tmp * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += wi / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function recurse(
  m: TreeEnsemble,
  x: Float32Array,
  phi: Float64Array,
  p: Float64Array,
  node: number,
  parentAt: number,
  depthIn: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  let depth = depthIn;
  const at = parentAt + (depth + 1) * STRIDE;
  p.copyWithin(at, parentAt, at);
  extendPath(p, at, depth, parentZero, parentOne, parentFeature);

  const l = m.left[node]!;
  if (l < 0) {
    const leaf = m.threshold[node]!;
    for (let i = 1; i <= depth; i++) {
      const e = at + i * STRIDE;
      const w = unwoundPathSum(p, at, depth, i);
      phi[p[e + FEAT]!]! += w * (p[e + ONE]! - p[e + ZERO]!) * leaf;
    }
    return;
  }

  const split = m.feature[node]!;
  const hot = nextNode(m, node, x);
  const cold = hot === l ? m.right[node]! : l;
  const w = m.cover[node]!;
  let incomingZero = 1;
  let incomingOne = 1;

  // A feature split on again further down: undo its earlier entry and carry its fractions on.
  let pathIndex = 0;
  for (; pathIndex <= depth; pathIndex++) if (p[at + pathIndex * STRIDE + FEAT] === split) break;
  if (pathIndex !== depth + 1) {
    incomingZero = p[at + pathIndex * STRIDE + ZERO]!;
    incomingOne = p[at + pathIndex * STRIDE + ONE]!;
    unwindPath(p, at, depth, pathIndex);
    depth -= 1;
  }
  recurse(m, x, phi, p, hot, at, depth + 1, (m.cover[hot]! / w) * incomingZero, incomingOne, split);
  recurse(m, x, phi, p, cold, at, depth + 1, (m.cover[cold]! / w) * incomingZero, 0, split);
}

const pathCache = new WeakMap<TreeEnsemble, Float64Array>();

/** Exact SHAP values of one row (model feature order). contributions sum + baseValue == margin. */
export function treeShap(m: TreeEnsemble, x: Float32Array): ShapResult {
  const { meanValue, maxDepth } = tablesFor(m);
  let path = pathCache.get(m);
  if (!path) {
    const d = maxDepth + 2;
    // Every level copies its parent path (at most d + 1 elements) after it.
    path = new Float64Array((((d + 1) * (d + 2)) / 2 + d + 1) * STRIDE);
    pathCache.set(m, path);
  }
  const phi = new Float64Array(m.featureNames.length);
  let baseValue = m.baseMargin;
  for (const root of m.roots) {
    baseValue += meanValue[root]!;
    // The root's path entry is a dummy feature -1 with fractions 1, which the leaf loop skips (i >= 1).
    recurse(m, x, phi, path, root, 0, 0, 1, 1, -1);
  }
  return { contributions: phi, baseValue };
}
