# Generates flair-threshold.onnx: a small real model with the U-Net's signature (input 1x3x256x256,
# output 1x1x256x256 probabilities) that marks standardised FLAIR (channel 1) above 1.5 standard deviations.
# The integration tests use it to drive /delineate end to end without the 31 MB trained model.
# Run with Debian's python3-onnx: /usr/bin/python3 flair-threshold.py
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

inp = helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 256, 256])
out = helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, 256, 256])
starts = numpy_helper.from_array(np.array([1], dtype=np.int64), "starts")
ends = numpy_helper.from_array(np.array([2], dtype=np.int64), "ends")
axes = numpy_helper.from_array(np.array([1], dtype=np.int64), "axes")
shift = numpy_helper.from_array(np.array(1.5, dtype=np.float32), "shift")
gain = numpy_helper.from_array(np.array(8.0, dtype=np.float32), "gain")
nodes = [
    helper.make_node("Slice", ["input", "starts", "ends", "axes"], ["flair"]),
    helper.make_node("Sub", ["flair", "shift"], ["centred"]),
    helper.make_node("Mul", ["centred", "gain"], ["logits"]),
    helper.make_node("Sigmoid", ["logits"], ["output"]),
]
graph = helper.make_graph(nodes, "flair-threshold", [inp], [out], [starts, ends, axes, shift, gain])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="enclave-care-tests")
onnx.checker.check_model(model)
onnx.save(model, "flair-threshold.onnx")
