"""Train the Buda et al. (2019) U-Net on synthetic brain-MRI phantoms on CPU and export ONNX.

Phase 1 (most of the budget): random 128x128 crops (half of them placed over a lesion when
the phantom has one), batch 8.  Phase 2: full 256x256 phantoms, batch 2, so that the
BatchNorm statistics and the receptive field match inference.  Loss = BCE + soft Dice,
Adam, cosine learning-rate decay over the wall-clock budget.  Phantoms come from a pool
that is partly regenerated every step (see phantoms.py).

The run stops on the wall-clock budget (--minutes) unless --steps-crop/--steps-full fix
the step counts; with fixed step counts, the same seed and one thread the run is
repeatable.  At the end it evaluates Dice on held-out phantoms (a separate seed stream),
exports ONNX (eval mode, BatchNorm folded), checks it with onnx.checker, compares the ONNX
graph's output with PyTorch using onnx_numpy.py, and writes a JSON summary.
"""
import argparse
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import hashlib
import json
import math
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import phantoms  # noqa: E402
from unet import UNet, count_parameters  # noqa: E402


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--minutes", type=float, default=35.0, help="wall-clock training budget (both phases)")
    ap.add_argument("--features", type=int, default=32, help="init_features of the U-Net (Buda et al.: 32)")
    ap.add_argument("--out", default=os.path.join(HERE, "unet.onnx"), help="ONNX output path")
    ap.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    ap.add_argument("--checkpoint", default=None, help="PyTorch state_dict path (default: <out>.pt)")
    ap.add_argument("--summary", default=None, help="JSON summary path (default: <out>.json)")
    ap.add_argument("--batch", type=int, default=8, help="batch size of 128x128 crops")
    ap.add_argument("--crop", type=int, default=128)
    ap.add_argument("--batch-full", type=int, default=2, help="batch size of full 256x256 phantoms")
    ap.add_argument("--full-fraction", type=float, default=0.2, help="share of the budget for phase 2")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--pool", type=int, default=240, help="phantoms kept in memory")
    ap.add_argument("--refresh", type=int, default=2, help="phantoms regenerated per step")
    ap.add_argument("--steps-crop", type=int, default=None, help="fix phase-1 steps instead of using the clock")
    ap.add_argument("--steps-full", type=int, default=None, help="fix phase-2 steps instead of using the clock")
    ap.add_argument("--grey-prob", type=float, default=0.35,
                    help="share of training phantoms made greyscale (FLAIR in all channels)")
    ap.add_argument("--val", type=int, default=64, help="held-out phantoms for the final Dice")
    ap.add_argument("--opset", type=int, default=13)
    return ap.parse_args(argv)


def loss_fn(logits, target):
    bce = F.binary_cross_entropy_with_logits(logits, target)
    p = torch.sigmoid(logits)
    inter = (p * target).sum()
    dice = (2 * inter + 1.0) / (p.sum() + target.sum() + 1.0)
    return bce + (1 - dice), dice.item()


def crop_batch(rng, pool_img, pool_mask, batch, crop):
    size = pool_img.shape[-1]
    xs, ys = [], []
    for _ in range(batch):
        i = rng.integers(len(pool_img))
        m = pool_mask[i]
        if m.any() and rng.random() < 0.5:
            rr, cc = np.nonzero(m)
            j = rng.integers(len(rr))
            r0 = int(np.clip(rr[j] - rng.integers(16, crop - 16), 0, size - crop))
            c0 = int(np.clip(cc[j] - rng.integers(16, crop - 16), 0, size - crop))
        else:
            r0, c0 = rng.integers(0, size - crop + 1, size=2)
        x = pool_img[i, :, r0:r0 + crop, c0:c0 + crop]
        y = m[r0:r0 + crop, c0:c0 + crop]
        if rng.random() < 0.5:
            x, y = x[:, :, ::-1], y[:, ::-1]
        xs.append(x)
        ys.append(y)
    return (torch.from_numpy(np.ascontiguousarray(np.stack(xs), dtype=np.float32)),
            torch.from_numpy(np.ascontiguousarray(np.stack(ys)[:, None], dtype=np.float32)))


def full_batch(rng, pool_img, pool_mask, batch):
    idx = rng.integers(len(pool_img), size=batch)
    x, y = pool_img[idx], pool_mask[idx]
    flip = rng.random(batch) < 0.5
    x[flip] = x[flip][..., ::-1]
    y[flip] = y[flip][..., ::-1]
    return (torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)),
            torch.from_numpy(np.ascontiguousarray(y[:, None], dtype=np.float32)))


def evaluate_dice(model, n, seed):
    """Dice on held-out phantoms drawn from a separate seed stream (threshold 0.5)."""
    rng = np.random.default_rng([seed, 1000])
    rows = []
    model.eval()
    with torch.no_grad():
        for _ in range(n):
            img, m, rgb = phantoms.make_phantom(rng)
            grey = bool((rgb[..., 0] == rgb[..., 1]).all() and (rgb[..., 2] == rgb[..., 1]).all())
            p = model(torch.from_numpy(img[None]))[0, 0].numpy() > 0.5
            t = m.astype(bool)
            inter = (p & t).sum()
            rows.append(dict(grey=grey, lesion=bool(t.any()), pred=int(p.sum()), true=int(t.sum()), inter=int(inter)))

    def summarise(sel):
        les = [r for r in sel if r["lesion"]]
        free = [r for r in sel if not r["lesion"]]
        dices = [2 * r["inter"] / (r["pred"] + r["true"]) for r in les]
        tot_i = sum(r["inter"] for r in sel)
        tot = sum(r["pred"] + r["true"] for r in sel)
        return dict(n=len(sel), n_lesion=len(les), n_lesion_free=len(free),
                    mean_dice_lesion_slices=round(float(np.mean(dices)), 4) if dices else None,
                    median_dice_lesion_slices=round(float(np.median(dices)), 4) if dices else None,
                    pooled_dice=round(2 * tot_i / tot, 4) if tot else None,
                    lesion_free_with_false_positive_pixels=sum(1 for r in free if r["pred"] > 0),
                    lesion_free_mean_false_positive_pixels=round(float(np.mean([r["pred"] for r in free])), 1) if free else None)

    return dict(all=summarise(rows), rgb=summarise([r for r in rows if not r["grey"]]),
                greyscale=summarise([r for r in rows if r["grey"]]))


def main(argv=None):
    args = parse_args(argv)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    ckpt = args.checkpoint or os.path.splitext(args.out)[0] + ".pt"
    summary_path = args.summary or os.path.splitext(args.out)[0] + ".json"
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    budget = args.minutes * 60.0
    t0 = time.time()

    def log(msg):
        print("[%7.1fs] %s" % (time.time() - t0, msg), flush=True)

    model = UNet(3, 1, args.features)
    n_params = count_parameters(model)
    log("U-Net init_features=%d parameters=%d threads=%d" % (args.features, n_params, args.threads))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)

    log("generating pool of %d phantoms" % args.pool)
    pool_img = np.empty((args.pool, 3, phantoms.SIZE, phantoms.SIZE), dtype=np.float16)
    pool_mask = np.empty((args.pool, phantoms.SIZE, phantoms.SIZE), dtype=np.uint8)
    for i in range(args.pool):
        img, m, _ = phantoms.make_phantom(rng, greyscale_prob=args.grey_prob)
        pool_img[i], pool_mask[i] = img, m
    generated = args.pool
    log("pool ready; lesion-bearing fraction %.2f" % pool_mask.reshape(args.pool, -1).any(1).mean())

    t_train = time.time()
    phase1_end = budget * (1 - args.full_fraction)
    fixed = args.steps_crop is not None and args.steps_full is not None
    total_fixed = (args.steps_crop or 0) + (args.steps_full or 0)
    history = []
    step = 0
    steps_phase = [0, 0]
    phase = 1
    warmup = 20
    run_loss = run_dice = None
    while True:
        elapsed = time.time() - t_train
        if fixed:
            if steps_phase[0] >= args.steps_crop:
                phase = 2
            if steps_phase[1] >= args.steps_full:
                break
            frac = step / max(total_fixed, 1)
        else:
            if elapsed >= budget:
                break
            if elapsed >= phase1_end:
                phase = 2
            frac = elapsed / budget
        lr = args.lr * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * min(frac, 1.0))))
        lr *= min(1.0, (step + 1) / warmup)
        for g in opt.param_groups:
            g["lr"] = lr
        model.train()
        if phase == 1:
            x, y = crop_batch(rng, pool_img, pool_mask, args.batch, args.crop)
        else:
            x, y = full_batch(rng, pool_img, pool_mask, args.batch_full)
        opt.zero_grad()
        loss, dice = loss_fn(model.logits(x), y)
        loss.backward()
        opt.step()
        step += 1
        steps_phase[phase - 1] += 1
        run_loss = loss.item() if run_loss is None else 0.95 * run_loss + 0.05 * loss.item()
        run_dice = dice if run_dice is None else 0.95 * run_dice + 0.05 * dice
        for _ in range(args.refresh):
            i = rng.integers(args.pool)
            img, m, _ = phantoms.make_phantom(rng, greyscale_prob=args.grey_prob)
            pool_img[i], pool_mask[i] = img, m
            generated += 1
        if step % 10 == 0:
            history.append(dict(step=step, phase=phase, t=round(time.time() - t_train, 1),
                                loss=round(run_loss, 4), batch_dice=round(run_dice, 4), lr=lr))
            log("step %d phase %d lr %.2e loss %.4f batch-dice %.3f" % (step, phase, lr, run_loss, run_dice))
    train_seconds = time.time() - t_train
    log("training done: %d steps (%d crop, %d full) in %.1f s; %d phantoms generated"
        % (step, steps_phase[0], steps_phase[1], train_seconds, generated))

    model.eval()
    torch.save({"state_dict": model.state_dict(), "features": args.features, "args": vars(args)}, ckpt)
    log("checkpoint %s" % ckpt)

    val = evaluate_dice(model, args.val, args.seed)
    log("held-out phantoms: %s" % json.dumps(val))

    # ONNX export: eval mode, constants folded (BatchNorm fused into the convolutions)
    dummy = torch.zeros(1, 3, phantoms.SIZE, phantoms.SIZE)
    torch.onnx.export(model, dummy, args.out, input_names=["input"], output_names=["output"],
                      opset_version=args.opset, do_constant_folding=True,
                      training=torch.onnx.TrainingMode.EVAL)
    import onnx
    import onnx_numpy
    om = onnx.load(args.out)
    onnx.checker.check_model(om)
    ops = sorted({n.op_type for n in om.graph.node})
    log("onnx.checker ok; operators %s" % ops)
    vrng = np.random.default_rng([args.seed, 2000])
    img, _, _ = phantoms.make_phantom(vrng, lesion_prob=1.0, greyscale_prob=0.0)
    with torch.no_grad():
        ref = model(torch.from_numpy(img[None])).numpy()
    got = onnx_numpy.run(om, img[None])
    max_diff = float(np.abs(ref - got).max())
    mask_agree = float(((ref > 0.5) == (got > 0.5)).mean())
    log("ONNX (numpy evaluator) vs PyTorch on a held-out phantom: max |diff| %.2e, mask agreement %.6f"
        % (max_diff, mask_agree))

    data = open(args.out, "rb").read()
    sha = hashlib.sha256(data).hexdigest()
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    except OSError:
        pass
    summary = dict(
        command=" ".join([os.path.basename(sys.executable)] + sys.argv),
        seed=args.seed, features=args.features, parameters=n_params, threads=args.threads,
        minutes_budget=args.minutes, train_seconds=round(train_seconds, 1), steps=step,
        steps_crop=steps_phase[0], steps_full=steps_phase[1], batch=args.batch, crop=args.crop,
        batch_full=args.batch_full, lr=args.lr, grey_prob=args.grey_prob, phantoms_generated=generated,
        heldout=val, onnx=dict(path=os.path.basename(args.out), bytes=len(data), sha256=sha,
                               opset=args.opset, operators=ops, input="input [1,3,256,256] float32",
                               output="output [1,1,256,256] float32",
                               numpy_vs_torch_max_abs_diff=max_diff, numpy_vs_torch_mask_agreement=mask_agree),
        machine=dict(platform=platform.platform(), processor=cpu, cpus=os.cpu_count(),
                     torch=torch.__version__, onnx=onnx.__version__, numpy=np.__version__,
                     python=platform.python_version()),
        history=history,
    )
    with open(summary_path, "w") as f:
        json.dump(summary, f, indent=1)
    log("wrote %s (%d bytes, sha256 %s) and %s" % (args.out, len(data), sha, summary_path))


if __name__ == "__main__":
    main()
