"""Loads the feature matrices that the TypeScript featurizer wrote (TSV, one row per example)."""
import csv
import numpy as np

META_COLUMNS = ("id", "y", "cls", "corpus", "group", "url")


class Dataset:
    def __init__(self, path):
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            rows = list(reader)
        n_meta = sum(1 for h in header if h in META_COLUMNS)
        self.feature_names = header[n_meta:]
        meta = {h: [r[i] for r in rows] for i, h in enumerate(header[:n_meta])}
        self.ids = np.array(meta["id"])
        self.y = np.array([int(v) for v in meta["y"]], dtype=np.int32)
        self.cls = np.array(meta["cls"])
        self.corpus = np.array(meta["corpus"])
        self.group = np.array(meta["group"])
        self.url = np.array(meta["url"]) if "url" in meta else None
        # float64 parse, then one rounding to float32: the same value Math.fround gives in TypeScript.
        self.X = np.array([[float(v) for v in r[n_meta:]] for r in rows], dtype=np.float64).astype(np.float32)

    def __len__(self):
        return len(self.y)

    def subset(self, mask):
        d = object.__new__(Dataset)
        d.feature_names = self.feature_names
        for k in ("ids", "y", "cls", "corpus", "group", "X"):
            setattr(d, k, getattr(self, k)[mask])
        d.url = None if self.url is None else self.url[mask]
        return d

    def keep_features(self, names):
        """Restrict to `names` (the model's feature list), by name."""
        idx = [self.feature_names.index(n) for n in names]
        self.X = self.X[:, idx]
        self.feature_names = list(names)
