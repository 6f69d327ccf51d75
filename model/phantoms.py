"""Seeded generator of synthetic axial brain-MRI phantoms with lesion masks.

Each phantom imitates one 256x256 slice of the TCGA-LGG data used by Buda et al. (2019):
three channels R = pre-contrast (T1), G = FLAIR, B = post-contrast (T1 + contrast), and a
binary mask of the FLAIR abnormality.

What is drawn (all geometry is defined on a randomly rotated, scaled and shifted coordinate
grid, so rotation needs no interpolation):
  * head outline: ellipse with low-order angular wobble;
  * scalp ring bright in every channel (fat), a dark bone/CSF ring, then brain;
  * brain tissue: grey/white-matter mottling from smooth noise, dark sulci near the cortex,
    a dark midline fissure, smooth low-amplitude texture;
  * lateral ventricles (CSF: dark in every channel, dark in FLAIR) - sometimes asymmetric
    or missing, sometimes with a faint FLAIR-bright periventricular halo (NOT labelled);
  * frontal fat / air-sinus patches near the front of the head (bright or dark in every
    channel, NOT labelled);
  * lesions in ~70% of slices: 1-3 blobs of varied size, elongation and position with
    irregular boundaries (angular harmonics + smooth noise), soft partial-volume edges,
    hyperintense mainly in FLAIR (x1.3-2.3), mildly hypointense in T1, sometimes a cystic
    core and sometimes mild enhancement (rim or patch) in the post-contrast channel; often
    confined to one hemisphere by the midline;
  * acquisition effects: smooth multiplicative bias field, per-channel gain and gamma,
    Rician-like noise, optional slight blur, 8-bit quantisation as in the PNG slices;
  * ~20% of phantoms are greyscale: the FLAIR channel copied into all three channels.

`standardise()` is the preprocessing contract of the model: per image, per channel,
(x - mean) / std.  `make_phantom()` returns the standardised image, so training sees exactly
what inference sees.
"""
import numpy as np

SIZE = 256
_FREQ2 = {}


def _freq2(shape):
    if shape not in _FREQ2:
        fy = np.fft.fftfreq(shape[0])[:, None]
        fx = np.fft.rfftfreq(shape[1])[None, :]
        _FREQ2[shape] = (fy * fy + fx * fx).astype(np.float32)
    return _FREQ2[shape]


def smooth_noise(rng, shape, sigma_px):
    """Gaussian-filtered white noise (periodic), rescaled to zero mean and unit std."""
    white = rng.standard_normal(shape).astype(np.float32)
    spec = np.fft.rfft2(white) * np.exp(-2.0 * np.pi ** 2 * sigma_px ** 2 * _freq2(shape))
    field = np.fft.irfft2(spec, s=shape).astype(np.float32)
    field -= field.mean()
    return field / (field.std() + 1e-8)


def blur(img, sigma_px):
    spec = np.fft.rfft2(img) * np.exp(-2.0 * np.pi ** 2 * sigma_px ** 2 * _freq2(img.shape))
    return np.fft.irfft2(spec, s=img.shape).astype(np.float32)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def standardise(img):
    """Per-channel standardisation of a CxHxW float image: (x - mean) / std."""
    img = img.astype(np.float32)
    mean = img.mean(axis=(1, 2), keepdims=True)
    std = img.std(axis=(1, 2), keepdims=True)
    return (img - mean) / np.maximum(std, 1e-6)


def _harmonics(rng, phi, kmax, amp):
    out = np.zeros_like(phi)
    for k in range(2, kmax + 1):
        out += rng.uniform(-amp, amp) / k ** 0.5 * np.cos(k * phi + rng.uniform(0, 2 * np.pi))
    return out


def make_phantom(rng, size=SIZE, greyscale_prob=0.2, lesion_prob=0.7):
    """Returns (image CxHxW float32 standardised, mask HxW uint8, rgb HxWx3 uint8)."""
    shape = (size, size)
    lin = (np.arange(size, dtype=np.float32) + 0.5) / size * 2.0 - 1.0
    v, u = np.meshgrid(lin, lin, indexing="ij")  # u: right, v: down (image coordinates)

    # random pose: rotation, scale, shift; (x, y) are head coordinates
    theta = np.deg2rad(rng.uniform(-20, 20))
    scale = rng.uniform(0.8, 1.1)
    tx, ty = rng.uniform(-0.08, 0.08, size=2)
    uu, vv = (u - tx) / scale, (v - ty) / scale
    c, s = np.cos(theta), np.sin(theta)
    x = c * uu + s * vv
    y = -s * uu + c * vv

    # head outline and radial layers
    a, b = rng.uniform(0.62, 0.76), rng.uniform(0.80, 0.92)
    phi = np.arctan2(y / b, x / a)
    rho = np.sqrt((x / a) ** 2 + (y / b) ** 2) / (1.0 + _harmonics(rng, phi, 5, 0.03))
    t_scalp = rng.uniform(0.035, 0.08) * (1 + _harmonics(rng, phi, 4, 0.35))
    t_bone = rng.uniform(0.04, 0.09) * (1 + _harmonics(rng, phi, 4, 0.35))
    r_brain = 1.0 - t_scalp - t_bone
    head = rho < 1.0
    scalp = head & (rho > 1.0 - t_scalp)
    brain_soft = sigmoid((r_brain - rho) / 0.006)
    brain = brain_soft > 0.5
    rb = rho / r_brain  # 0 at centre, 1 at brain surface

    # tissue intensities per channel (index 0 = T1 pre, 1 = FLAIR, 2 = T1 post)
    ch = np.zeros((3,) + shape, dtype=np.float32)
    gm_field = sigmoid(2.5 * smooth_noise(rng, shape, rng.uniform(3, 7)) + 4.0 * (rb - 0.8))
    wm_val = np.array([1.0, rng.uniform(0.85, 0.95), 1.0])
    gm_val = np.array([rng.uniform(0.78, 0.92), rng.uniform(0.95, 1.08), rng.uniform(0.8, 0.95)])
    texture = 1.0 + rng.uniform(0.02, 0.07) * smooth_noise(rng, shape, rng.uniform(1.5, 4))
    for k in range(3):
        ch[k] = (wm_val[k] * (1 - gm_field) + gm_val[k] * gm_field) * texture

    csf_val = np.array([rng.uniform(0.2, 0.4), rng.uniform(0.12, 0.3), rng.uniform(0.25, 0.45)])
    # sulci: zero-crossings of band-pass noise, mostly towards the cortex
    band = smooth_noise(rng, shape, 3.0) - 0.7 * smooth_noise(rng, shape, 9.0)
    sulci = np.exp(-(band / rng.uniform(0.08, 0.2)) ** 2) * sigmoid((rb - 0.65) / 0.07)
    sulci *= rng.uniform(0.2, 0.8)
    # midline fissure, slightly curved, strongest at front and back
    mid = rng.uniform(-0.03, 0.03) + rng.uniform(-0.06, 0.06) * y ** 2
    fissure = np.exp(-((x - mid) / rng.uniform(0.008, 0.02)) ** 2) * sigmoid((np.abs(y) - 0.25) / 0.1)
    fissure *= rng.uniform(0.5, 1.0)

    # lateral ventricles
    vent = np.zeros(shape, dtype=np.float32)
    halo = np.zeros(shape, dtype=np.float32)
    if rng.random() < 0.8:
        vnoise = smooth_noise(rng, shape, 4.0)
        for side in (-1, 1):
            if rng.random() < 0.15:
                continue
            sz = rng.uniform(0.4, 1.3)
            cx = mid.mean() + side * rng.uniform(0.07, 0.16)
            for cy, hx, hy, ang in ((rng.uniform(-0.3, -0.1), 0.05, 0.2, 0.25),
                                    (rng.uniform(0.05, 0.25), 0.04, 0.15, -0.5)):
                if rng.random() < 0.2:
                    continue
                ang = side * ang + rng.uniform(-0.2, 0.2)
                dx, dy = x - cx - side * rng.uniform(0, 0.05), y - cy
                xr = np.cos(ang) * dx + np.sin(ang) * dy
                yr = -np.sin(ang) * dx + np.cos(ang) * dy
                d = np.sqrt((xr / (hx * sz)) ** 2 + (yr / (hy * sz)) ** 2) + 0.25 * vnoise
                vent = np.maximum(vent, sigmoid((1 - d) / 0.08))
                halo = np.maximum(halo, sigmoid((1.6 - d) / 0.15))
        if rng.random() < 0.5:
            halo = halo * (1 - vent)
        else:
            halo[:] = 0

    # lesions
    lesion_soft = np.zeros(shape, dtype=np.float32)
    mask = np.zeros(shape, dtype=bool)
    fl_gain = np.ones(shape, dtype=np.float32)
    t1_gain = np.ones(shape, dtype=np.float32)
    t1c_gain = np.ones(shape, dtype=np.float32)
    if rng.random() < lesion_prob:
        n_lesions = rng.choice([1, 2, 3], p=[0.8, 0.15, 0.05])
        for _ in range(n_lesions):
            r = rng.uniform(0.16, 0.40) if rng.random() < 0.55 else rng.uniform(0.035, 0.16)
            rx, ry = r, r * rng.uniform(0.55, 1.0)
            if rng.random() < 0.5:
                rx, ry = ry, rx
            ang = rng.uniform(0, np.pi)
            for _try in range(20):
                cx, cy = rng.uniform(-0.6, 0.6) * a, rng.uniform(-0.7, 0.7) * b
                if (cx / a) ** 2 + (cy / b) ** 2 < 0.55:
                    break
            dx, dy = x - cx, y - cy
            xr = np.cos(ang) * dx + np.sin(ang) * dy
            yr = -np.sin(ang) * dx + np.cos(ang) * dy
            lphi = np.arctan2(yr, xr)
            d = np.sqrt((xr / rx) ** 2 + (yr / ry) ** 2)
            d = d * (1 + _harmonics(rng, lphi, 6, rng.uniform(0.1, 0.35)))
            d = d + rng.uniform(0.05, 0.25) * smooth_noise(rng, shape, rng.uniform(4, 10)) \
                + rng.uniform(0.0, 0.08) * smooth_noise(rng, shape, 1.5)
            edge = rng.uniform(0.03, 0.12)
            p = sigmoid((1 - d) / edge) * brain_soft
            if rng.random() < 0.7:  # respect the midline
                p = p * sigmoid(np.sign(cx - mid.mean() + 1e-6) * (x - mid) / 0.01)
            m = p > 0.5
            if m.sum() < 12:
                continue
            mask |= m
            lesion_soft_prev = lesion_soft
            lesion_soft = np.maximum(lesion_soft, p)
            het = 1 + rng.uniform(0.03, 0.15) * smooth_noise(rng, shape, rng.uniform(2, 6))
            cf = rng.uniform(1.3, 2.3)
            fl = 1 + (cf - 1) * p * het
            c1 = rng.uniform(0.65, 1.0)
            t1 = 1 - (1 - c1) * p * het
            c2 = rng.uniform(0.65, 1.05)
            t1c = 1 - (1 - c2) * p * het
            if rng.random() < 0.2:  # cystic / necrotic core: less FLAIR-bright, dark T1
                core = sigmoid((rng.uniform(0.35, 0.6) - d) / 0.05)
                fl = fl * (1 - core * rng.uniform(0.15, 0.35))
                t1 = t1 * (1 - core * rng.uniform(0.2, 0.4))
                t1c = t1c * (1 - core * rng.uniform(0.2, 0.4))
            if rng.random() < 0.25:  # mild enhancement: rim or patch
                if rng.random() < 0.5:
                    enh = np.exp(-((d - rng.uniform(0.6, 0.9)) / 0.08) ** 2)
                else:
                    enh = sigmoid((0.35 - np.sqrt(((x - cx - rng.uniform(-.5, .5) * r) / r) ** 2 +
                                                  ((y - cy - rng.uniform(-.5, .5) * r) / r) ** 2)) / 0.05)
                t1c = t1c + rng.uniform(0.25, 0.8) * enh * p
            fl_gain = np.maximum(fl_gain, fl)
            t1_gain = np.minimum(t1_gain, t1)
            t1c_gain = np.where(p > lesion_soft_prev, t1c, t1c_gain)
    mask &= brain

    # compose tissue: CSF structures are effaced inside lesions
    keep = 1 - lesion_soft
    csf = np.clip(np.maximum(np.maximum(sulci, fissure), vent) * keep, 0, 1)
    for k in range(3):
        ch[k] = ch[k] * (1 - csf) + csf_val[k] * csf
    ch[1] *= 1 + rng.uniform(0.08, 0.25) * halo * keep
    ch[0] *= t1_gain
    ch[1] *= fl_gain
    ch[2] *= t1c_gain

    # frontal fat (bright in all channels) and air sinus (dark) patches, not labelled
    extra = np.zeros(shape, dtype=np.float32)
    extra_val = np.zeros(3)
    if rng.random() < 0.5:
        for _ in range(rng.integers(1, 3)):
            fx, fy = rng.uniform(-0.3, 0.3) * a, -rng.uniform(0.65, 0.85) * b
            rr = rng.uniform(0.05, 0.14)
            d = np.sqrt(((x - fx) / rr) ** 2 + ((y - fy) / (rr * 0.7)) ** 2) \
                + 0.3 * smooth_noise(rng, shape, 3)
            extra = np.maximum(extra, sigmoid((1 - d) / 0.1))
        extra_val = np.array([rng.uniform(1.4, 2.2), rng.uniform(1.1, 1.8), rng.uniform(1.3, 2.0)])
        if rng.random() < 0.4:
            extra_val = np.array([0.1, 0.1, 0.1])
    extra *= (rho < r_brain + 0.02)

    # outer layers
    scalp_val = np.array([rng.uniform(1.5, 2.4), rng.uniform(1.3, 2.3), rng.uniform(1.5, 2.5)])
    bone_val = rng.uniform(0.03, 0.2)
    scalp_tex = 1 + 0.15 * smooth_noise(rng, shape, 2)
    for k in range(3):
        layer = np.where(scalp, scalp_val[k] * scalp_tex, bone_val)
        ch[k] = ch[k] * brain_soft + layer * (1 - brain_soft)
        ch[k] = ch[k] * (1 - extra) + extra_val[k] * extra
        ch[k] *= head

    # acquisition effects
    bias_shared = smooth_noise(rng, shape, 60)
    out = np.zeros((3,) + shape, dtype=np.float32)
    noise_sigma = rng.uniform(0.005, 0.035)
    blur_sigma = rng.uniform(0.5, 1.0) if rng.random() < 0.3 else 0.0
    for k in range(3):
        bias = np.exp(rng.uniform(0.05, 0.25) * (0.7 * bias_shared + 0.3 * smooth_noise(rng, shape, 60)))
        img = ch[k] * bias
        if blur_sigma > 0:
            img = blur(img, blur_sigma)
        img = img / (np.percentile(img[head], 99.5) * rng.uniform(0.85, 1.1) + 1e-6)
        img = np.clip(img, 0, 1) ** rng.uniform(0.75, 1.35)
        noisy_re = img + noise_sigma * rng.standard_normal(shape)
        noisy_im = noise_sigma * rng.standard_normal(shape)
        img = np.sqrt(noisy_re ** 2 + noisy_im ** 2)
        out[k] = np.round(np.clip(img, 0, 1) * 255.0)
    if rng.random() < greyscale_prob:
        out[0] = out[1]
        out[2] = out[1]
    rgb = np.transpose(out, (1, 2, 0)).astype(np.uint8)
    return standardise(out), mask.astype(np.uint8), rgb


def make_batch(rng, n, size=SIZE, **kw):
    imgs, masks = [], []
    for _ in range(n):
        img, m, _ = make_phantom(rng, size, **kw)
        imgs.append(img)
        masks.append(m)
    return np.stack(imgs), np.stack(masks)


if __name__ == "__main__":
    import argparse
    from PIL import Image

    ap = argparse.ArgumentParser(description="Write a grid of sample phantoms (image above mask outline).")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("--out", default="phantoms.png")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    tiles = []
    for _ in range(args.n):
        _, m, rgb = make_phantom(rng)
        edge = m.astype(bool) & ~(np.roll(m, 1, 0) & np.roll(m, -1, 0) & np.roll(m, 1, 1) & np.roll(m, -1, 1)).astype(bool)
        g = np.repeat(rgb[..., 1:2], 3, axis=2).copy()
        g[edge] = (255, 0, 0)
        tiles.append(np.concatenate([rgb, g], axis=0))
    Image.fromarray(np.concatenate(tiles, axis=1)).save(args.out, optimize=True)
    print("wrote", args.out)
