"""scikit-learn's SVC on the setting of ClassifiersBench: Fashion-MNIST, first 20,000 training images,
the full 10,000 test images, pixels / 255, RBF kernel, C = 1, gamma = "scale" (its defaults). Prints fit
and predict seconds and accuracy. labkit's SVM gives probabilities (Platt scaling) from the same fit;
SVC's probability=True would fit five more times (internal CV), so the peer predicts decision values,
its fastest path. Run with Debian's python3-sklearn: /usr/bin/python3 bench/classic/svm_peer.py"""
import time
import numpy as np
from sklearn.svm import SVC
from fashion20k import load

x, y, xt, yt = load()
start = time.perf_counter()
model = SVC(kernel="rbf", C=1.0, gamma="scale").fit(x, y)
fit = time.perf_counter() - start
start = time.perf_counter()
predicted = model.predict(xt)
predict = time.perf_counter() - start
print(f"sklearn svm    fit {fit:8.3f} s  predict {predict:8.3f} s  acc {np.mean(predicted == yt):.4f}"
      f"  support vectors {model.n_support_.sum()}")
