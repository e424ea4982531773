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


def centred_knots(x, y):
    """Centred isotonic regression (Oron & Flournoy 2017): each flat block of the isotonic fit becomes
    one knot at its centre, so the interpolated map rises strictly between the first and last block.
    Plain isotonic steps gave whole margin ranges one probability, and a threshold inside such a step
    gave two answers with the same probability different verdicts."""
    xs, ys = [], []
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and y[j + 1] == y[i]:
            j += 1
        xs.append((float(x[i]) + float(x[j])) / 2)
        ys.append(float(y[i]))
        i = j + 1
    return xs, ys


def calibration_json(iso):
    xs, ys = centred_knots(iso.X_thresholds_, iso.y_thresholds_)
    return {"method": "isotonic",
            "x": xs,
            "y": [round(v, 6) for v in ys]}


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


def past_flat_run(t, cal):
    """Moves a margin threshold t that sits on a flat stretch of the isotonic calibration to just past
    that stretch, so that two answers with the same probability never get different verdicts (the
    verdict is decided on the margin, the probability people read is calibrated). Moving up only lowers
    the false-positive rate. A threshold on the top stretch (flat to +inf) cannot move up and stays."""
    x = np.asarray(cal["x"], dtype=np.float64)
    y = np.asarray(cal["y"], dtype=np.float64)
    p = float(np.interp(t, x, y))
    below = float(np.interp(float(np.nextafter(np.float32(t), np.float32(-np.inf))), x, y))
    if below != p:
        return t
    j = int(np.searchsorted(x, t, side="left"))  # first knot at or after t
    while j + 1 < len(x) and y[j + 1] == p:
        j += 1
    if j >= len(x) - 1:
        return t
    return float(np.nextafter(np.float32(x[j]), np.float32(np.inf), dtype=np.float32))
