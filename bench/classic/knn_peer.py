"""scikit-learn's KNN on the setting of ClassifiersBench: Fashion-MNIST, first 20,000 training images,
the full 10,000 test images, pixels / 255, k = 5, n_jobs = 2. Prints predict seconds (best of 3) and
accuracy. Run with Debian's python3-sklearn: /usr/bin/python3 bench/classic/knn_peer.py"""
import gzip, time
import numpy as np
from sklearn.neighbors import KNeighborsClassifier

D = "/usr/share/datasets/fashion-mnist/"
def idx(name, offset):
    with gzip.open(D + name) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)

x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:20000] / 255.0
y = idx("train-labels-idx1-ubyte.gz", 8)[:20000]
xt = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784) / 255.0
yt = idx("t10k-labels-idx1-ubyte.gz", 8)
model = KNeighborsClassifier(n_neighbors=5, n_jobs=2).fit(x, y)
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    predicted = model.predict(xt)
    best = min(best, time.perf_counter() - start)
print(f"sklearn knn    predict {best:8.3f} s  acc {np.mean(predicted == yt):.4f}")
