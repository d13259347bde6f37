"""scikit-learn's random forest on the setting of ClassifiersBench -Dsplit=first: Fashion-MNIST, first
20,000 training images, the full 10,000 test images, pixels / 255, 100 trees, its defaults otherwise
(Gini, max_features = sqrt, bootstrap, grown until pure), n_jobs = -1 (all cores), random_state = 42.
Prints fit and predict seconds, test accuracy and the 1-minute load average before the fit.
Run with Debian's python3-sklearn: /usr/bin/python3 bench/classic/forest_peer.py [repeats] [random_state]"""
import os
import sys
import time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from fashion20k import load

seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
x, y, xt, yt = load()
x, xt = x.astype(np.float32), xt.astype(np.float32)  # what scikit-learn's trees convert to anyway
for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
    load1 = os.getloadavg()[0]
    start = time.perf_counter()
    model = RandomForestClassifier(n_estimators=100, n_jobs=-1, random_state=seed).fit(x, y)
    fit = time.perf_counter() - start
    start = time.perf_counter()
    predicted = model.predict(xt)
    predict = time.perf_counter() - start
    print(f"sklearn forest fit {fit:8.3f} s  predict {predict:8.3f} s  acc {np.mean(predicted == yt):.4f}  load {load1:.2f}")
