#!/usr/bin/python3
"""scikit-learn's LogisticRegression on the same data as bench/logreg.sh, one line per fit.

usage: sklearn_logreg.py <fashion|mnist-sample> <solver> <penalty> <max_iter> <C>...
Prints tab-separated: spec, fit seconds, iterations (n_iter_ max), converged, test accuracy, share of
exactly-zero weights, and the objective as labkit reports it (scikit-learn's divided by C·n: mean
log-loss + penalty / (C·n)), so both can say how close to the optimum they stopped. Data: the same IDX files labkit reads, pixels / 255 as float64 (sklearn's lbfgs
and saga work in float64 whatever they are given).
"""
import gzip, os, sys, time, warnings
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

DIRS = {"fashion": "/usr/share/datasets/fashion-mnist",
        "mnist-sample": os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "mnist-sample")}


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(name):
    d = DIRS[name]
    x = idx(f"{d}/train-images-idx3-ubyte.gz").reshape(-1, 784) / 255.0
    xt = idx(f"{d}/t10k-images-idx3-ubyte.gz").reshape(-1, 784) / 255.0
    return x, idx(f"{d}/train-labels-idx1-ubyte.gz"), xt, idx(f"{d}/t10k-labels-idx1-ubyte.gz")


def main():
    name, solver, penalty, max_iter = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    x, y, xt, yt = load(name)
    warnings.simplefilter("ignore", ConvergenceWarning)
    for c in sys.argv[5:]:
        model = LogisticRegression(penalty=penalty, C=float(c), solver=solver, max_iter=max_iter,
                                   multi_class="multinomial")
        t = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - t
        iterations = int(np.max(model.n_iter_))
        acc = float(np.mean(model.predict(xt) == yt))
        zeros = float(np.mean(model.coef_ == 0))
        w = model.coef_
        penalty_value = np.abs(w).sum() if penalty == "l1" else 0.5 * (w * w).sum()
        objective = log_loss(y, model.predict_proba(x)) + penalty_value / (float(c) * len(y))
        print(f"penalty={penalty},c={c},solver={solver},max_iter={max_iter}\t{seconds:.3f}\t{iterations}\t"
              f"{'yes' if iterations < max_iter else 'no'}\t{acc:.4f}\t{zeros:.4f}\t{objective:.6f}", flush=True)


if __name__ == "__main__":
    main()
