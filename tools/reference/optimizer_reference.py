#!/usr/bin/python3
"""Reference optimizer steps for TorchOptimizerReferenceTest, from real torch.optim (Debian: apt-get install
python3-torch, which is PyTorch 1.13; run with Debian's /usr/bin/python3).

Each case makes two steps on float64 weights w = [1, -2] with the gradients [0.5, -0.25] then [-0.3, 0.8],
setting the group's learning rate before each step (a schedule that moves), and records the weights after
both steps. PyTorch's defaults otherwise (Adam's betas and eps, RMSprop's alpha and eps, Adagrad's eps).

Run from the repository root:
  /usr/bin/python3 tools/reference/optimizer_reference.py > lib/src/test/resources/reference/optimizers.json
"""
import json

import torch

W0 = [1.0, -2.0]
GRADS = [[0.5, -0.25], [-0.3, 0.8]]

CASES = [
    # name, optimizer, its arguments besides lr, the learning rate of each step
    ("sgd", "SGD", {}, [0.1, 0.1]),
    ("sgd_momentum_lr_moves", "SGD", {"momentum": 0.9}, [0.1, 0.05]),
    ("sgd_weight_decay", "SGD", {"weight_decay": 0.01}, [0.1, 0.1]),
    ("adam", "Adam", {}, [0.01, 0.01]),
    ("adam_weight_decay_lr_moves", "Adam", {"weight_decay": 0.1}, [0.01, 0.005]),
    ("rmsprop", "RMSprop", {}, [0.01, 0.01]),
    ("rmsprop_momentum", "RMSprop", {"momentum": 0.5}, [0.01, 0.01]),
    ("adagrad", "Adagrad", {}, [0.1, 0.1]),
]


def run(optimizer, kwargs, lrs):
    w = torch.tensor(W0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, optimizer)([w], lr=lrs[0], **kwargs)
    for lr, grad in zip(lrs, GRADS):
        for group in opt.param_groups:
            group["lr"] = lr
        w.grad = torch.tensor(grad, dtype=torch.float64)
        opt.step()
    return [float(x) for x in w.detach()]


def main():
    cases = [{"name": name, "optimizer": optimizer, "args": kwargs, "lrs": lrs, "w": run(optimizer, kwargs, lrs)}
             for name, optimizer, kwargs, lrs in CASES]
    print(json.dumps({"made_by": "tools/reference/optimizer_reference.py", "torch": torch.__version__,
                      "w0": W0, "grads": GRADS, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
