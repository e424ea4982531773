"""Deterministic splits: a stratified random held-out split and stratified k-fold, both by group."""
import numpy as np


def stratified_holdout(groups, test_fraction, seed):
    rng = np.random.RandomState(seed)
    test = np.zeros(len(groups), dtype=bool)
    for g in sorted(set(groups)):
        idx = np.flatnonzero(groups == g)
        rng.shuffle(idx)
        n_test = int(round(len(idx) * test_fraction))
        test[idx[:n_test]] = True
    return test


def stratified_folds(groups, k, seed):
    """Fold number (0..k-1) for each row, balanced within every group."""
    rng = np.random.RandomState(seed)
    fold = np.zeros(len(groups), dtype=np.int32)
    for g in sorted(set(groups)):
        idx = np.flatnonzero(groups == g)
        rng.shuffle(idx)
        fold[idx] = np.arange(len(idx)) % k
    return fold
