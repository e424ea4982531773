"""The email model's link-score feature: the highest URL-model margin over the message's links.

The URL model is trained on the URL corpora only (never on emails), so its score of an email's links is a
fixed function of the links, like any other feature. The worker computes the same value from the same
URL model (analyze.ts), and its margins equal xgboost's exactly, so training and serving agree bit for bit.
"""
import csv

import numpy as np

import fit

FEATURE = "email_link_url_score_max"


def add_link_score(email_ds, links_path, url_booster, url_feature_names):
    with open(links_path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = list(reader)
    col = {n: i for i, n in enumerate(header)}
    ids = np.array([r[0] for r in rows])
    X = np.array([[float(r[col[n]]) for n in url_feature_names] for r in rows], dtype=np.float64).astype(np.float32)
    m = fit.margins(url_booster, X, url_feature_names) if len(rows) else np.zeros(0, np.float32)
    best = {}
    for i, v in zip(ids, m):
        if i not in best or v > best[i]:
            best[i] = v
    score = np.array([best.get(i, np.nan) for i in email_ds.ids], dtype=np.float32)
    email_ds.X = np.concatenate([email_ds.X, score[:, None]], axis=1)
    email_ds.feature_names = list(email_ds.feature_names) + [FEATURE]
    return len(rows)
