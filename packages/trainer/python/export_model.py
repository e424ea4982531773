"""Converts xgboost's save_model JSON into our compact model JSON (see model-json.ts)."""
import hashlib
import json
import os
import tempfile

import numpy as np
import xgboost as xgb


def xgboost_json(booster):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "model.json")
        booster.save_model(path)
        with open(path, encoding="utf-8") as f:
            return json.load(f)


def base_margin(base_score):
    # binary:logistic ProbToMargin in float32, as xgboost 1.7 computes it: -log(1/p - 1).
    p = np.float32(base_score)
    return float(np.float32(-np.log(np.float32(1.0) / p - np.float32(1.0))))


def compact_trees(xj):
    trees = []
    for t in xj["learner"]["gradient_booster"]["model"]["trees"]:
        left = t["left_children"]
        trees.append({
            "left": left,
            "right": t["right_children"],
            "feature": [-1 if l < 0 else f for l, f in zip(left, t["split_indices"])],
            "threshold": t["split_conditions"],
            "default_left": [int(d) for d in t["default_left"]],
            "cover": t["sum_hessian"],
        })
    return trees


def export(kind, booster, feature_names, calibration, thresholds, metrics):
    xj = xgboost_json(booster)
    learner = xj["learner"]
    assert learner["objective"]["name"] == "binary:logistic"
    assert list(learner["feature_names"]) == list(feature_names), "xgboost feature names differ"
    base_score = float(learner["learner_model_param"]["base_score"])
    body = {
        "feature_names": list(feature_names),
        "base_score": base_score,
        "base_margin": base_margin(base_score),
        "trees": compact_trees(xj),
        "calibration": calibration,
        "thresholds": thresholds,
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:12]
    return {
        "format": "traceo-tree-ensemble/1",
        "kind": kind,
        "version": f"{kind}-{digest}",
        "xgboost_version": xgb.__version__,
        "objective": "binary:logistic",
        **body,
        "metrics": metrics,
    }


def write_json(path, obj, compact=True):
    with open(path, "w", encoding="utf-8") as f:
        if compact:
            json.dump(obj, f, separators=(",", ":"), allow_nan=False)
        else:
            json.dump(obj, f, indent=2, allow_nan=False)
        f.write("\n")
