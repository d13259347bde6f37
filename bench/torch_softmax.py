#!/usr/bin/python3
"""The peer of NeuralBench: the same training loop in plain PyTorch (Debian python3-torch), timed per epoch.

usage: torch_softmax.py <epochs> <threads>...   (MODELS=cnn in the environment times cnn() instead)
Fashion-MNIST from the Debian package, pixels / 255 as float32, a seeded 48,000 / 12,000 split of the
60,000 training images (as PEERS.md), batch 128, Adam lr 1e-3, cross-entropy; a hand-written loop with
the data as one tensor and each shuffled batch as one index (the same layout as labkit's loop). For each
thread count (torch.set_num_threads; no BLAS of its own beside libtorch's) and each model (softmax
regression nn.Linear(784, 10), MLP 784→256→10 with ReLU) prints one table row: the median seconds of
an epoch, wall and CPU time of the main thread (on one thread libtorch runs every op there, so its CPU
time is the work done, which other processes disturb far less), the first epoch (warm-up) left out. The loss is read back once per epoch, as ours.
"""
import gzip, os, statistics, sys, time
import numpy as np
import torch

DIR = "/usr/share/datasets/fashion-mnist"


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load():
    x = torch.from_numpy(idx(f"{DIR}/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    y = torch.from_numpy(idx(f"{DIR}/train-labels-idx1-ubyte.gz").astype(np.int64))
    order = torch.randperm(len(y), generator=torch.Generator().manual_seed(42))
    return x[order[:48000]].contiguous(), y[order[:48000]].contiguous()


def epochs(model, x, y, n):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    seconds, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.thread_time()
        order = torch.randperm(len(y))
        losses = []
        for i in range(0, len(y), 128):
            rows = order[i:i + 128]
            loss = torch.nn.functional.cross_entropy(model(x[rows]), y[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.detach())
        torch.stack(losses).mean().item()  # the epoch's loss, read back once
        seconds.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    return statistics.median(seconds[1:]), statistics.median(cpu[1:])


def cnn():
    """labkit's cnn(): 3×3 conv 32 (padding 1), ReLU, 2×2 max-pool, 3×3 conv 64, ReLU, pool, dense 128, dropout 0.25."""
    nn = torch.nn
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10))


MODELS = {
    "softmax,mlp": (("softmax 784→10", lambda: torch.nn.Linear(784, 10)),
                    ("mlp 784→256→10", lambda: torch.nn.Sequential(
                        torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10)))),
    "cnn": (("cnn 32,64→128", cnn),),
}


def main():
    n = int(sys.argv[1])
    x, y = load()
    for threads in map(int, sys.argv[2:]):
        torch.set_num_threads(threads)
        for name, make in MODELS[os.environ.get("MODELS", "softmax,mlp")]:
            torch.manual_seed(42)
            wall, cpu = epochs(make(), x, y, n)
            print(f"| {name} | {threads} | {wall:.3f} | {cpu:.3f} |", flush=True)


if __name__ == "__main__":
    main()
