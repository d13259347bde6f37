#!/usr/bin/python3
"""Turns the log of bench/logreg.sh into markdown tables: each ours line is paired with the sklearn
line after it (same data, same C), giving the accuracy difference and the speed ratio."""
import sys

lines = open(sys.argv[1]).read().splitlines()
out, rows, pending = [], [], None
keep = False  # in a time-to-accuracy section every sklearn line is compared with our last line


def flush():
    global rows
    if rows:
        out.append("| who | fit | fit s | iterations | passes (ms each) | stopped | test acc | zero weights | sklearn s / ours s | Δacc (points) | Δzeros (points) |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        out.extend(rows)
        out.append("")
    rows = []


for line in lines:
    if line.startswith("## "):
        flush()
        keep = line[3:].startswith("time to")
        out.append("### " + line[3:])
        out.append("")
        continue
    f = line.split("\t")
    if f[0] == "ours":
        _, spec, s, it, passes, stop, obj, acc, zeros = f
        pending = (float(s), float(acc), float(zeros))
        # newton-cg's passes are its gradients only; its Hessian products (a tenth of a pass each) come on top
        passes = f"{passes} + H·v" if "newton-cg" in spec else f"{passes} ({1000 * float(s) / int(passes):.1f})"
        rows.append(f"| labkit | {spec} | {float(s):.2f} | {it} | {passes} | {stop} (f = {float(obj):.5f}) "
                    f"| {float(acc):.4f} | {100 * float(zeros):.1f} % | | | |")
    elif f[0] == "sklearn":
        _, spec, s, it, conv, acc, zeros, obj = f if len(f) == 8 else f + ["nan"]
        ratio = delta = dzeros = ""
        if pending:
            ratio = f"**{float(s) / pending[0]:.1f}×**"
            delta = f"{100 * (pending[1] - float(acc)):+.2f}"
            dzeros = f"{100 * (pending[2] - float(zeros)):+.1f}"
            pending = pending if keep else None
        rows.append(f"| scikit-learn | {spec} | {float(s):.2f} | {it} | | {'converged' if conv == 'yes' else 'max-iter'} (f = {float(obj):.5f}) "
                    f"| {float(acc):.4f} | {100 * float(zeros):.1f} % | {ratio} | {delta} | {dzeros} |")
    elif line.startswith("pass:"):
        out.append("One gradient pass over 60,000 × 784 (PassBench, 30 passes): " + line[5:].strip())
        out.append("")
    elif line.strip():
        out.append("- " + line)
flush()
print("\n".join(out))
