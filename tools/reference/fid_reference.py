#!/usr/bin/env python3
"""Reference FIDs for FidReferenceTest, from scipy.linalg.sqrtm (Debian: apt-get install python3-scipy).

Each case draws two sets of feature rows from Gaussians with random, non-commuting covariances (so the
classic bug Tr(sqrt(S1) sqrt(S2)) in place of Tr(sqrt(S1 S2)) gives another number), rounds them to float32
as labkit's features are, and computes the FID the way pytorch-fid does:
|mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr(sqrtm(S1 S2)), with np.cov (n - 1).

Run from the repository root:  python3 tools/reference/fid_reference.py > lib/src/test/resources/reference/fid.json
"""
import json

import numpy as np
import scipy
from scipy import linalg


def fid(a, b):
    mu1, mu2 = a.mean(axis=0), b.mean(axis=0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    root = linalg.sqrtm(s1 @ s2).real
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(root))


def wrong_fid(a, b):
    """The bug the test must catch: the product of the two roots, not the root of the product."""
    mu1, mu2 = a.mean(axis=0), b.mean(axis=0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    r1, r2 = linalg.sqrtm(s1).real, linalg.sqrtm(s2).real
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(r1 @ r2))


def main():
    rng = np.random.default_rng(18)
    cases = []
    for n, d in [(60, 3), (80, 5), (200, 8)]:
        mix1 = rng.normal(size=(d, d))
        mix2 = rng.normal(size=(d, d)) * np.linspace(0.3, 2.0, d)
        a = (rng.normal(size=(n, d)) @ mix1).astype(np.float32)
        b = (rng.normal(size=(n, d)) @ mix2 + rng.normal(size=d)).astype(np.float32)
        a64, b64 = a.astype(np.float64), b.astype(np.float64)
        s1, s2 = np.cov(a64, rowvar=False), np.cov(b64, rowvar=False)
        cases.append({
            "d": d,
            "a": [float(x) for x in a.ravel()],
            "b": [float(x) for x in b.ravel()],
            "fid": fid(a64, b64),
            "wrong_fid": wrong_fid(a64, b64),
            "commutator_norm": float(np.abs(s1 @ s2 - s2 @ s1).max()),
        })
    print(json.dumps({"made_by": "tools/reference/fid_reference.py", "numpy": np.__version__,
                      "scipy": scipy.__version__, "cases": cases}))


if __name__ == "__main__":
    main()
