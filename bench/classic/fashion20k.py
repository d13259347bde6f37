"""The setting of ClassifiersBench for the Python peers: Fashion-MNIST from Debian's dataset-fashion-mnist,
the first 20,000 training images and all 10,000 test images, pixels / 255."""
import gzip
import numpy as np

D = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    with gzip.open(D + name) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def load():
    """x, y (first 20,000 training images), xt, yt (the test set)."""
    x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:20000] / 255.0
    y = idx("train-labels-idx1-ubyte.gz", 8)[:20000]
    xt = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784) / 255.0
    yt = idx("t10k-labels-idx1-ubyte.gz", 8)
    return x, y, xt, yt
