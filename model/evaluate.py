"""Run the exported ONNX U-Net on one image, report simple statistics and save an overlay.

Backends, in order: onnxruntime if it is importable (it is not packaged in Debian 12),
otherwise onnx_numpy.py (a minimal NumPy evaluator of this graph; onnx 1.12 in Debian has
no onnx.reference.ReferenceEvaluator).  The model is always checked with onnx.checker.
With --checkpoint the PyTorch model is run too and its output compared with the ONNX output.

Preprocessing (the model's contract): RGB image (R = pre-contrast, G = FLAIR,
B = post-contrast; a greyscale image is copied into all three channels), resized to
256x256 if needed, NCHW float32, each channel standardised per image: (x - mean) / std.

There is no ground-truth mask for the sample slice, so the statistics are only proxies:
share of predicted pixels in the image's left/right half, connected components, and
overlap with a crude FLAIR-threshold heuristic (bright FLAIR inside the brain, away from
the scalp, largest component) - the heuristic is not a reference segmentation.
"""
import argparse
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import json
import sys
import time
from collections import deque

import numpy as np
import onnx
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from phantoms import standardise  # noqa: E402

SIZE = 256


def load_rgb(path):
    im = Image.open(path)
    if im.mode != "RGB":
        im = im.convert("L").convert("RGB") if im.mode in ("L", "I", "I;16", "F") else im.convert("RGB")
    if im.size != (SIZE, SIZE):
        im = im.resize((SIZE, SIZE), Image.BILINEAR)
    return np.asarray(im, dtype=np.uint8)


def preprocess(rgb):
    return standardise(np.transpose(rgb, (2, 0, 1)).astype(np.float32))[None]


def run_onnx(path, x):
    try:
        import onnxruntime as ort
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        name = sess.get_inputs()[0].name
        return sess.run(None, {name: x})[0], "onnxruntime " + ort.__version__
    except ImportError:
        import onnx_numpy
        return onnx_numpy.run(path, x), "onnx_numpy (onnxruntime not installed)"


def run_torch(ckpt_path, x):
    import torch
    from unet import UNet
    torch.set_num_threads(1)
    ck = torch.load(ckpt_path, map_location="cpu")
    model = UNet(3, 1, ck.get("features", 32))
    model.load_state_dict(ck["state_dict"])
    model.eval()
    with torch.no_grad():
        return model(torch.from_numpy(x)).numpy()


def components(mask):
    """4-connected components; returns a list of (size, (row, col) centroid), largest first."""
    seen = np.zeros_like(mask, dtype=bool)
    out = []
    h, w = mask.shape
    for r0, c0 in zip(*np.nonzero(mask)):
        if seen[r0, c0]:
            continue
        seen[r0, c0] = True
        q = deque([(r0, c0)])
        pix = []
        while q:
            r, c = q.popleft()
            pix.append((r, c))
            for rr, cc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= rr < h and 0 <= cc < w and mask[rr, cc] and not seen[rr, cc]:
                    seen[rr, cc] = True
                    q.append((rr, cc))
        pix = np.array(pix)
        out.append((len(pix), tuple(np.round(pix.mean(0), 1).tolist()), pix))
    out.sort(key=lambda t: -t[0])
    return out


def erode(mask, n):
    m = mask.copy()
    for _ in range(n):
        m = m & np.roll(m, 1, 0) & np.roll(m, -1, 0) & np.roll(m, 1, 1) & np.roll(m, -1, 1)
    return m


def fill_holes(mask):
    """Fill background regions not connected to the image border."""
    outside = np.zeros_like(mask)
    for size, _, pix in components(~mask):
        if (pix[:, 0].min() == 0 or pix[:, 1].min() == 0 or
                pix[:, 0].max() == mask.shape[0] - 1 or pix[:, 1].max() == mask.shape[1] - 1):
            outside[pix[:, 0], pix[:, 1]] = True
    return ~outside


def flair_heuristic(rgb):
    """Crude proxy region: inside the head minus a 12-pixel rim (scalp/skull), FLAIR brighter
    than mean + 0.8 std of that interior; largest component with holes filled."""
    head = fill_holes(rgb.astype(np.int32).sum(axis=2) > 40)
    interior = erode(head, 12)
    g = rgb[..., 1].astype(np.float32)
    thr = g[interior].mean() + 0.8 * g[interior].std()
    comps = components(interior & (g > thr))
    region = np.zeros_like(interior)
    if comps:
        pix = comps[0][2]
        region[pix[:, 0], pix[:, 1]] = True
        region = fill_holes(region)
    return region, float(thr)


def outline(mask):
    inner = mask & np.roll(mask, 1, 0) & np.roll(mask, -1, 0) & np.roll(mask, 1, 1) & np.roll(mask, -1, 1)
    return mask & ~inner


def save_overlay(rgb, pred, path, scale=2):
    grey = np.repeat(rgb[..., 1:2], 3, axis=2).copy()
    grey[outline(pred)] = (255, 0, 0)
    pair = np.concatenate([rgb, np.full((SIZE, 4, 3), 255, np.uint8), grey], axis=1)
    im = Image.fromarray(pair)
    im = im.resize((im.width * scale, im.height * scale), Image.NEAREST)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    im.save(path, optimize=True)


def dice(a, b):
    s = a.sum() + b.sum()
    return float(2 * (a & b).sum() / s) if s else 1.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--onnx", default=os.path.join(HERE, "unet.onnx"))
    ap.add_argument("--image", required=True)
    ap.add_argument("--overlay", default=None, help="PNG: original | FLAIR in grey with the predicted outline in red")
    ap.add_argument("--checkpoint", default=None, help="PyTorch checkpoint written by train.py, to compare outputs")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--greyscale", action="store_true", help="use the FLAIR (G) channel in all three channels")
    ap.add_argument("--json", default=None, help="write the statistics here")
    args = ap.parse_args(argv)

    model = onnx.load(args.onnx)
    onnx.checker.check_model(model)
    io = dict(inputs=[(i.name, [d.dim_value or d.dim_param for d in i.type.tensor_type.shape.dim]) for i in model.graph.input],
              outputs=[(o.name, [d.dim_value or d.dim_param for d in o.type.tensor_type.shape.dim]) for o in model.graph.output])
    print("onnx.checker: ok; opset %d; %s" % (model.opset_import[0].version, io))

    rgb = load_rgb(args.image)
    if args.greyscale:
        rgb = np.repeat(rgb[..., 1:2], 3, axis=2)
    x = preprocess(rgb)
    t = time.time()
    prob, backend = run_onnx(args.onnx, x)
    print("ONNX output via %s in %.1f s, shape %s" % (backend, time.time() - t, list(prob.shape)))
    stats = dict(image=os.path.basename(args.image), greyscale=args.greyscale, backend=backend)
    if args.checkpoint:
        ref = run_torch(args.checkpoint, x)
        stats["torch_vs_onnx_max_abs_diff"] = float(np.abs(ref - prob).max())
        stats["torch_vs_onnx_mask_agreement"] = float(((ref > args.threshold) == (prob > args.threshold)).mean())

    pred = prob[0, 0] > args.threshold
    n = int(pred.sum())
    comps = components(pred)
    heur, thr = flair_heuristic(rgb)
    stats.update(
        predicted_pixels=n,
        predicted_fraction=round(n / pred.size, 4),
        fraction_in_left_half=round(float(pred[:, : SIZE // 2].sum() / n), 4) if n else None,
        components=[dict(pixels=int(s), centroid_row_col=c) for s, c, _ in comps[:10]],
        n_components=len(comps),
        largest_component_share=round(comps[0][0] / n, 4) if n else None,
        heuristic_flair_threshold=round(thr, 1),
        heuristic_pixels=int(heur.sum()),
        dice_vs_flair_heuristic=round(dice(pred, heur), 4),
        share_of_prediction_inside_heuristic=round(float((pred & heur).sum() / n), 4) if n else None,
        share_of_heuristic_covered=round(float((pred & heur).sum() / heur.sum()), 4) if heur.sum() else None,
        mean_probability_in_prediction=round(float(prob[0, 0][pred].mean()), 4) if n else None,
    )
    print(json.dumps(stats, indent=1))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(stats, f, indent=1)
    if args.overlay:
        save_overlay(rgb, pred, args.overlay)
        print("overlay:", args.overlay)


if __name__ == "__main__":
    main()
