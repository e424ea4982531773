// Maps a feature module's (names, values) onto the model's own feature order by NAME, so adding,
// removing or reordering features in the feature module can never silently misalign the model.

import type { TreeEnsemble } from "./evaluator.ts";

export class FeatureMismatchError extends Error {
  override name = "FeatureMismatchError";
}

/** For each model feature, its index in `names`. Throws when the feature module lacks one. */
export function bindFeatures(model: TreeEnsemble, names: readonly string[]): Int32Array {
  const position = new Map(names.map((n, i) => [n, i] as const));
  const missing = model.featureNames.filter((n) => !position.has(n));
  if (missing.length > 0) {
    throw new FeatureMismatchError(
      `model ${model.version} needs features the feature module does not produce: ${missing.join(", ")}`,
    );
  }
  return Int32Array.from(model.featureNames, (n) => position.get(n)!);
}

/** Float32 row in model order; null, undefined and NaN become NaN (xgboost's "missing"). */
export function toModelRow(binding: Int32Array, values: ArrayLike<number | null | undefined>): Float32Array {
  const row = new Float32Array(binding.length);
  for (let i = 0; i < binding.length; i++) {
    const v = values[binding[i]!];
    row[i] = v === null || v === undefined ? Number.NaN : v;
  }
  return row;
}
