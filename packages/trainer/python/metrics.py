"""Classification metrics at the exported thresholds."""
import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score


def at_threshold(y, m, t):
    pred = m >= t
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    tn = int(np.sum(~pred & (y == 0)))
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    fpr = fp / (fp + tn) if fp + tn else float("nan")
    return {"precision": precision, "recall": recall, "f1": f1, "fpr": fpr, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def summary(y, m, thresholds):
    out = {"n": int(len(y)), "n_pos": int(np.sum(y == 1))}
    if 0 < out["n_pos"] < len(y):
        out["roc_auc"] = float(roc_auc_score(y, m))
        out["pr_auc"] = float(average_precision_score(y, m))
    out["at_phishing"] = at_threshold(y, m, thresholds["phishing"]["margin"])
    out["at_suspicious"] = at_threshold(y, m, thresholds["suspicious"]["margin"])
    return out


def verdict_rates(m, thresholds):
    """Share of rows called phishing / suspicious / legitimate."""
    n = len(m)
    if n == 0:
        return {"n": 0}
    ph = m >= thresholds["phishing"]["margin"]
    su = (m >= thresholds["suspicious"]["margin"]) & ~ph
    return {"n": int(n), "phishing": float(ph.mean()), "suspicious": float(su.mean()),
            "legitimate": float(1 - ph.mean() - su.mean())}


def ece(prob, y, bins=10):
    """Expected calibration error over equal-width probability bins; also the table behind the plot."""
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(prob, edges[1:-1]), 0, bins - 1)
    total, table = 0.0, []
    for b in range(bins):
        sel = idx == b
        if not sel.any():
            continue
        conf, acc = float(prob[sel].mean()), float(y[sel].mean())
        total += sel.mean() * abs(conf - acc)
        table.append({"bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}", "n": int(sel.sum()),
                      "mean_predicted": conf, "fraction_phishing": acc})
    return float(total), table
