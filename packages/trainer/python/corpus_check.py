"""Leakage control: how well do our features identify the CORPUS a row came from?

A feature that tells corpora apart within one class (e.g. 2002 SpamAssassin ham vs modern ham) is
an era/collector artefact: the model could use it to tell phishing from ham for the wrong reason.
"""
import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

from fit import NTHREAD
from splits import stratified_folds


def _multiclass_cv(X, labels, names, k=3, seed=5):
    classes = sorted(set(labels))
    yi = np.array([classes.index(c) for c in labels])
    params = {"objective": "multi:softprob", "num_class": len(classes), "max_depth": 4, "eta": 0.2,
              "tree_method": "hist", "nthread": NTHREAD, "seed": 3, "subsample": 0.8}
    fold = stratified_folds(np.array(labels), k, seed)
    pred = np.zeros(len(yi), dtype=np.int64)
    for f in range(k):
        tr, te = fold != f, fold == f
        b = xgb.train(params, xgb.DMatrix(X[tr], label=yi[tr], feature_names=names, nthread=NTHREAD), 80)
        pred[te] = b.predict(xgb.DMatrix(X[te], feature_names=names, nthread=NTHREAD)).argmax(axis=1)
    full = xgb.train(params, xgb.DMatrix(X, label=yi, feature_names=names, nthread=NTHREAD), 80)
    gain = full.get_score(importance_type="total_gain")
    total = sum(gain.values()) or 1.0
    top = sorted(gain.items(), key=lambda kv: -kv[1])[:10]
    counts = {c: int(np.sum(yi == i)) for i, c in enumerate(classes)}
    balanced = float(np.mean([np.mean(pred[yi == i] == i) for i in range(len(classes))]))
    return {
        "classes": counts,
        "accuracy": float(np.mean(pred == yi)),
        "balanced_accuracy": balanced,
        "majority_baseline": max(counts.values()) / len(yi),
        "top_features": [{"feature": f, "gain_share": g / total} for f, g in top],
    }


def _single_feature_auc(X, labels, a, b, names):
    """Per feature, how well it alone separates corpus a from corpus b (AUC folded to >= 0.5)."""
    sel = (labels == a) | (labels == b)
    y = (labels[sel] == a).astype(int)
    out = []
    for j, n in enumerate(names):
        v = np.nan_to_num(X[sel, j].astype(np.float64), nan=-1e9)
        if np.all(v == v[0]):
            continue
        auc = roc_auc_score(y, v)
        out.append({"feature": n, "auc": float(max(auc, 1 - auc))})
    return sorted(out, key=lambda r: -r["auc"])


MAX_PER_CLASS = 4000  # a fixed random sample per corpus keeps the 11-way URL check to seconds


def _cap(mask, labels, seed=17):
    rng = np.random.RandomState(seed)
    keep = np.zeros(len(mask), dtype=bool)
    for c in sorted(set(labels[mask])):
        idx = np.flatnonzero(mask & (labels == c))
        rng.shuffle(idx)
        keep[idx[:MAX_PER_CLASS]] = True
    return keep


def run(ds, checks):
    """checks: list of (title, row mask, label array, corpus pairs for single-feature AUCs)."""
    results = []
    for title, mask, labels, pairs in checks:
        mask = _cap(mask, labels)
        r = {"title": title, "sampled_per_class_max": MAX_PER_CLASS, **_multiclass_cv(ds.X[mask], labels[mask], ds.feature_names)}
        r["single_feature"] = [
            {"pair": f"{a} vs {b}", "top": _single_feature_auc(ds.X[mask], labels[mask], a, b, ds.feature_names)[:8]}
            for a, b in pairs
        ]
        results.append(r)
    return results
