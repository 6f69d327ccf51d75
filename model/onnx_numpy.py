"""A minimal NumPy evaluator for the exported U-Net graph.

Debian's onnx 1.12 has no `onnx.reference.ReferenceEvaluator` (added in onnx 1.13) and
onnxruntime is not packaged in Debian, so this module runs the ONNX graph itself, reading
weights from the graph's initializers, to check that the exported file computes what the
PyTorch model computes.  It supports only the operators this export produces (Conv,
ConvTranspose with kernel == stride, MaxPool, Relu, Concat, Sigmoid, plus Identity and
Constant) and raises on anything else.  It is a test aid, not an inference runtime.
"""
import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _conv(x, w, b, at):
    if at.get("group", 1) != 1 or any(d != 1 for d in at.get("dilations", [1, 1])):
        raise NotImplementedError("grouped/dilated Conv")
    pads = at.get("pads", [0, 0, 0, 0])
    sh, sw = at.get("strides", [1, 1])
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    win = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    # win: N, C, H, W, kh, kw  ->  N, H, W, O
    y = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3]))
    y = np.ascontiguousarray(y.transpose(0, 3, 1, 2))
    if b is not None:
        y += b[None, :, None, None]
    return y


def _conv_transpose(x, w, b, at):
    kh, kw = w.shape[2:]
    sh, sw = at.get("strides", [1, 1])
    if (kh, kw) != (sh, sw) or any(at.get("pads", [0, 0, 0, 0])) or at.get("group", 1) != 1:
        raise NotImplementedError("only non-overlapping ConvTranspose (kernel == stride, no pads)")
    n, c, h, wd = x.shape
    o = w.shape[1]
    # y[n, o, i*s+p, j*s+q] = sum_c x[n, c, i, j] * w[c, o, p, q]
    y = np.tensordot(x, w, axes=([1], [0]))  # n, h, w, o, kh, kw
    y = y.transpose(0, 3, 1, 4, 2, 5).reshape(n, o, h * kh, wd * kw)
    if b is not None:
        y = y + b[None, :, None, None]
    return np.ascontiguousarray(y)


def _maxpool(x, at):
    kh, kw = at["kernel_shape"]
    sh, sw = at.get("strides", [kh, kw])
    if (kh, kw) != (sh, sw) or any(at.get("pads", [0, 0, 0, 0])):
        raise NotImplementedError("only non-overlapping MaxPool")
    n, c, h, w = x.shape
    return x[:, :, : h // kh * kh, : w // kw * kw].reshape(n, c, h // kh, kh, w // kw, kw).max(axis=(3, 5))


def run(model, x):
    """Evaluate `model` (onnx.ModelProto or path) on input array x; returns the first output."""
    if isinstance(model, str):
        model = onnx.load(model)
    g = model.graph
    env = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    inputs = [i.name for i in g.input if i.name not in env]
    env[inputs[0]] = np.asarray(x, dtype=np.float32)
    for node in g.node:
        at = _attrs(node)
        ins = [env[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Conv":
            y = _conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, at)
        elif op == "ConvTranspose":
            y = _conv_transpose(ins[0], ins[1], ins[2] if len(ins) > 2 else None, at)
        elif op == "MaxPool":
            y = _maxpool(ins[0], at)
        elif op == "Relu":
            y = np.maximum(ins[0], 0)
        elif op == "Sigmoid":
            y = 1.0 / (1.0 + np.exp(-ins[0]))
        elif op == "Concat":
            y = np.concatenate(ins, axis=at["axis"])
        elif op == "Identity":
            y = ins[0]
        elif op == "Constant":
            y = numpy_helper.to_array(at["value"])
        else:
            raise NotImplementedError("operator %s is not supported by onnx_numpy" % op)
        env[node.output[0]] = y.astype(np.float32) if y.dtype == np.float64 else y
    return env[g.output[0].name]
