"""Times xgboost's own predict on the rows the TypeScript bench wrote, with a Booster rebuilt from our
exported model JSON (so no training artefacts are needed). Also checks the rebuilt booster gives the
same margins as the TypeScript evaluator did. Prints one JSON object."""
import json
import sys
import time

import numpy as np
import xgboost as xgb


def xgboost_json(ours):
    n_feat = len(ours["feature_names"])
    trees = []
    for i, t in enumerate(ours["trees"]):
        n = len(t["left"])
        parents = [2147483647] * n
        for p, (l, r) in enumerate(zip(t["left"], t["right"])):
            if l >= 0:
                parents[l] = p
                parents[r] = p
        trees.append({
            "base_weights": [0.0] * n, "categories": [], "categories_nodes": [], "categories_segments": [],
            "categories_sizes": [], "default_left": t["default_left"], "id": i, "left_children": t["left"],
            "loss_changes": [0.0] * n, "parents": parents, "right_children": t["right"],
            "split_conditions": t["threshold"], "split_indices": [max(f, 0) for f in t["feature"]],
            "split_type": [0] * n, "sum_hessian": t["cover"],
            "tree_param": {"num_deleted": "0", "num_feature": str(n_feat), "num_nodes": str(n), "size_leaf_vector": "0"},
        })
    gbtree_param = {"num_parallel_tree": "1", "num_trees": str(len(trees))}
    return {
        "learner": {
            "attributes": {}, "feature_names": ours["feature_names"], "feature_types": ["float"] * n_feat,
            "gradient_booster": {"model": {"gbtree_model_param": gbtree_param, "tree_info": [0] * len(trees), "trees": trees},
                                 "name": "gbtree"},
            "learner_model_param": {"base_score": repr(ours["base_score"]), "boost_from_average": "1", "num_class": "0",
                                    "num_feature": str(n_feat), "num_target": "1"},
            "objective": {"name": "binary:logistic", "reg_loss_param": {"scale_pos_weight": "1"}},
        },
        "version": [1, 7, 4],
    }


def best_of(make, fn, repeats):
    """Fastest of several runs. `make` builds fresh DMatrix objects outside the timer each time, because
    xgboost caches predictions per DMatrix and a repeated predict on the same one costs nothing."""
    best = float("inf")
    for _ in range(repeats):
        data = make()
        t = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - t)
    return best


def main():
    model_path, rows_path, margins_path = sys.argv[1:4]
    with open(model_path) as f:
        ours = json.load(f)
    booster = xgb.Booster(params={"nthread": 1})
    booster.load_model(bytearray(json.dumps(xgboost_json(ours)).encode()))
    X = np.loadtxt(rows_path, delimiter="\t", dtype=np.float64, ndmin=2).astype(np.float32)
    ts_margins = np.loadtxt(margins_path, dtype=np.float64).astype(np.float32)
    names = ours["feature_names"]
    full = lambda: xgb.DMatrix(X, missing=np.nan, feature_names=names, nthread=1)  # noqa: E731
    m = booster.predict(full(), output_margin=True)
    n = len(X)
    batch = best_of(full, lambda dm: booster.predict(dm, output_margin=True), 5)
    contribs = best_of(full, lambda dm: booster.predict(dm, pred_contribs=True), 3)
    k = min(200, n)
    singles = lambda: [xgb.DMatrix(X[i:i + 1], missing=np.nan, feature_names=names, nthread=1) for i in range(k)]  # noqa: E731
    single = best_of(singles, lambda dms: [booster.predict(d, output_margin=True) for d in dms], 3)
    print(json.dumps({
        "rows": n,
        "margins_identical": bool(np.array_equal(m, ts_margins)),
        "batch_predict_us_per_row": 1e6 * batch / n,
        "pred_contribs_us_per_row": 1e6 * contribs / n,
        "single_row_predict_us": 1e6 * single / k,
    }))


if __name__ == "__main__":
    main()
