"""scikit-learn's KNN on the setting of ClassifiersBench: Fashion-MNIST, first 20,000 training images,
the full 10,000 test images, pixels / 255, k = 5, n_jobs = 2. Prints predict seconds (best of 3) and
accuracy. Run with Debian's python3-sklearn: /usr/bin/python3 bench/classic/knn_peer.py"""
import time
import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from fashion20k import load

x, y, xt, yt = load()
model = KNeighborsClassifier(n_neighbors=5, n_jobs=2).fit(x, y)
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    predicted = model.predict(xt)
    best = min(best, time.perf_counter() - start)
print(f"sklearn knn    predict {best:8.3f} s  acc {np.mean(predicted == yt):.4f}")
