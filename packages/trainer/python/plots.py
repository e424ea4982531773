"""ROC / precision-recall curves, calibration plot and feature importance, as SVG."""
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import precision_recall_curve, roc_curve  # noqa: E402

plt.rcParams["svg.hashsalt"] = "traceo"  # stable element ids: same data, same file
SVG_META = {"Date": None, "Creator": None}


def _save(fig, path):
    fig.tight_layout()
    fig.savefig(path, format="svg", metadata=SVG_META)
    plt.close(fig)


def roc_pr(results, out_dir):
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4.2))
    for kind, r in results.items():
        y, m = r["_curves"]["y_test"], r["_curves"]["m_test"]
        fpr, tpr, _ = roc_curve(y, m)
        a.plot(fpr, tpr, label=f"{kind} (AUC {r['heldout']['roc_auc']:.4f})")
        p, rec, _ = precision_recall_curve(y, m)
        b.plot(rec, p, label=f"{kind} (AP {r['heldout']['pr_auc']:.4f})")
        t = r["thresholds"]["phishing"]["margin"]
        a.scatter([np.mean(m[y == 0] >= t)], [np.mean(m[y == 1] >= t)], marker="o", zorder=3)
    a.set_xscale("symlog", linthresh=0.01)
    a.set(xlabel="false-positive rate (symlog)", ylabel="true-positive rate", title="ROC, held-out split (dot: phishing threshold)")
    b.set(xlabel="recall", ylabel="precision", title="Precision-recall, held-out split", ylim=(0.8, 1.005))
    a.legend(loc="lower right"), b.legend(loc="lower left")
    _save(fig, os.path.join(out_dir, "roc_pr.svg"))


def calibration(results, out_dir):
    fig, axes = plt.subplots(1, len(results), figsize=(5 * len(results), 4.2))
    for ax, (kind, r) in zip(np.atleast_1d(axes), results.items()):
        for name, key in (("out-of-fold (fit)", "table_oof"), ("held-out", "table_heldout")):
            t = r["calibration"][key]
            ax.plot([b["mean_predicted"] for b in t], [b["fraction_phishing"] for b in t], marker="o", label=name)
        ax.plot([0, 1], [0, 1], color="grey", linestyle=":")
        ax.set(xlabel="calibrated probability (bin mean)", ylabel="fraction phishing",
               title=f"{kind}: ECE held-out {r['calibration']['ece_heldout']:.4f}")
        ax.legend(loc="upper left")
    _save(fig, os.path.join(out_dir, "calibration.svg"))


def importance(results, out_dir, top=20):
    fig, axes = plt.subplots(1, len(results), figsize=(6 * len(results), 6))
    for ax, (kind, r) in zip(np.atleast_1d(axes), results.items()):
        items = r["mean_abs_shap"][:top][::-1]
        ax.barh([n for n, _ in items], [v for _, v in items])
        ax.set(xlabel="mean |TreeSHAP contribution| (log-odds), held-out", title=f"{kind} model: top features")
        ax.tick_params(axis="y", labelsize=8)
    _save(fig, os.path.join(out_dir, "feature_importance.svg"))


def write_all(results, out_dir):
    roc_pr(results, out_dir)
    calibration(results, out_dir)
    importance(results, out_dir)
