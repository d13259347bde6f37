"""ms per D+G step of the lab's MLP GAN and DCGAN in PyTorch, the same algorithm as labkit's GanTraining.

usage: /usr/bin/python3 bench/gan/torch_gan_step.py <mlp|dcgan|dcgan32> <torch threads> <steps> <reps>

Full Fashion-MNIST (Debian dataset-fashion-mnist) in [-1, 1] (dcgan32: 2,048 random 32×32×3 images,
channel-last rows as labkit's CIFAR-10; CIFAR-10 cannot be downloaded here), batch 128, two Adams (2e-4, 0.5, 0.999),
real target 0.9; one step: G draws 128 fakes, D updates on 128 real + the detached fakes, then G updates
through D with D's parameters frozen (requires_grad False), as labkit does. 20 warm-up steps, then
<reps> timings of <steps> steps; prints the median and best ms per step.
"""
import gzip, statistics, sys, time
import numpy as np
import torch
from torch import nn

class Permute(nn.Module):
    def __init__(self, *dims):
        super().__init__()
        self.dims = dims

    def forward(self, x):
        return x.permute(*self.dims)


kind, threads, steps, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(threads)
torch.manual_seed(42)
if kind == "dcgan32":
    data = torch.rand(2048, 3072) * 2 - 1
else:
    with gzip.open("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    data = torch.from_numpy(x.astype(np.float32) / 127.5 - 1)

if kind == "mlp":
    lrelu = lambda: nn.LeakyReLU(0.2)
    G = nn.Sequential(nn.Linear(100, 256), lrelu(), nn.Linear(256, 512), lrelu(), nn.Linear(512, 1024), lrelu(),
                      nn.Linear(1024, 784), nn.Tanh())
    D = nn.Sequential(nn.Linear(784, 1024), lrelu(), nn.Dropout(0.3), nn.Linear(1024, 512), lrelu(), nn.Dropout(0.3),
                      nn.Linear(512, 256), lrelu(), nn.Dropout(0.3), nn.Linear(256, 1))
elif kind == "dcgan32":  # rows are channel-last (HWC) like labkit's; the networks permute to and from NCHW
    G = nn.Sequential(nn.Linear(100, 256 * 4 * 4), nn.BatchNorm1d(256 * 4 * 4), nn.ReLU(), nn.Unflatten(1, (256, 4, 4)),
                      nn.ConvTranspose2d(256, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
                      nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
                      nn.ConvTranspose2d(64, 3, 4, 2, 1), nn.Tanh(), Permute(0, 2, 3, 1), nn.Flatten())
    D = nn.Sequential(nn.Unflatten(1, (32, 32, 3)), Permute(0, 3, 1, 2), nn.Conv2d(3, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                      nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
                      nn.Conv2d(128, 256, 4, 2, 1), nn.BatchNorm2d(256), nn.LeakyReLU(0.2), nn.Flatten(),
                      nn.Linear(4096, 1))
else:
    G = nn.Sequential(nn.Linear(100, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
                      nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
                      nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh(), nn.Flatten())
    D = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                      nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2), nn.Flatten(),
                      nn.Linear(6272, 1))
optG = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()
ones, smooth, zeros = torch.ones(128, 1), torch.full((128, 1), 0.9), torch.zeros(128, 1)


def step():
    fake = G(torch.randn(128, 100))
    real = data[torch.randint(0, data.shape[0], (128,))]
    optD.zero_grad(set_to_none=True)
    d_loss = bce(D(real), smooth) + bce(D(fake.detach()), zeros)
    d_loss.backward()
    optD.step()
    for p in D.parameters():
        p.requires_grad_(False)
    optG.zero_grad(set_to_none=True)
    g_loss = bce(D(fake), ones)
    g_loss.backward()
    optG.step()
    for p in D.parameters():
        p.requires_grad_(True)


for _ in range(20):
    step()
times = []
for _ in range(reps):
    t = time.perf_counter()
    for _ in range(steps):
        step()
    times.append((time.perf_counter() - t) * 1000 / steps)
print(f"torch {torch.__version__} {kind}\tthreads {threads}\tmedian {statistics.median(times):.1f} ms/step"
      f"\tbest {min(times):.1f} ms/step\t({reps} x {steps} steps)")
