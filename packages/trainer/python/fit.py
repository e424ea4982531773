"""Model fitting, out-of-fold predictions, isotonic calibration and threshold choice."""
import numpy as np
import xgboost as xgb
from sklearn.isotonic import IsotonicRegression

from splits import stratified_folds

NTHREAD = 2  # fixed: hist training sums gradients per thread, so the thread count is part of determinism

PARAMS = {
    "email": {
        "objective": "binary:logistic", "eval_metric": "logloss", "tree_method": "hist", "max_bin": 256,
        "max_depth": 5, "eta": 0.1, "min_child_weight": 2.0, "subsample": 0.8, "colsample_bytree": 0.8,
        "lambda": 1.0, "nthread": NTHREAD, "seed": 7,
    },
    "url": {
        "objective": "binary:logistic", "eval_metric": "logloss", "tree_method": "hist", "max_bin": 256,
        "max_depth": 6, "eta": 0.15, "min_child_weight": 2.0, "subsample": 0.8, "colsample_bytree": 0.8,
        "lambda": 1.0, "nthread": NTHREAD, "seed": 7,
    },
}
ROUNDS = {"email": 400, "url": 250}


def train(kind, X, y, w, feature_names):
    dm = xgb.DMatrix(X, label=y, weight=w, missing=np.nan, feature_names=feature_names, nthread=NTHREAD)
    return xgb.train(PARAMS[kind], dm, num_boost_round=ROUNDS[kind])


def margins(booster, X, feature_names):
    dm = xgb.DMatrix(X, missing=np.nan, feature_names=feature_names, nthread=NTHREAD)
    return booster.predict(dm, output_margin=True).astype(np.float32)


def contribs(booster, X, feature_names):
    dm = xgb.DMatrix(X, missing=np.nan, feature_names=feature_names, nthread=NTHREAD)
    return booster.predict(dm, pred_contribs=True)


def out_of_fold(kind, ds, w, k=5, seed=11):
    """Margins for every row from a model that did not see it (k-fold, stratified by group)."""
    fold = stratified_folds(ds.group, k, seed)
    oof = np.zeros(len(ds), dtype=np.float32)
    for f in range(k):
        tr, te = fold != f, fold == f
        b = train(kind, ds.X[tr], ds.y[tr], w[tr], ds.feature_names)
        oof[te] = margins(b, ds.X[te], ds.feature_names)
    return oof


def fit_isotonic(m, y):
    # Bounded away from 0 and 1: a few thousand examples cannot justify certainty.
    iso = IsotonicRegression(y_min=0.001, y_max=0.999, out_of_bounds="clip", increasing=True)
    iso.fit(m.astype(np.float64), y.astype(np.float64))
    return iso


def calibration_json(iso):
    return {"method": "isotonic",
            "x": [float(v) for v in iso.X_thresholds_],
            "y": [round(float(v), 6) for v in iso.y_thresholds_]}


def apply_calibration(cal, m):
    """Same rule as the TypeScript calibrate(): linear interpolation, clipped at the ends."""
    return np.interp(m.astype(np.float64), np.array(cal["x"]), np.array(cal["y"]))


def threshold_for_fpr(neg_margins, max_fpr, weights=None):
    """Smallest float32 margin t whose (weighted) share of negatives with margin >= t is <= max_fpr."""
    m = neg_margins.astype(np.float32)
    w = np.ones(len(m)) if weights is None else np.asarray(weights, dtype=np.float64)
    order = np.argsort(-m, kind="stable")
    cum = np.cumsum(w[order])
    i = int(np.argmax(cum > max_fpr * cum[-1]))  # first negative that would exceed the budget
    return float(np.nextafter(m[order][i], np.float32(np.inf), dtype=np.float32))
