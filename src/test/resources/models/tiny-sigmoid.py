# Generates tiny-sigmoid.onnx, the small real model the inference unit tests load quickly:
# probability = sigmoid(mean over the 3 input channels), input "pixels" 1x3x8x8, output "probability" 1x1x8x8.
# Run with Debian's python3-onnx: /usr/bin/python3 tiny-sigmoid.py
import onnx
from onnx import helper, TensorProto

inp = helper.make_tensor_value_info("pixels", TensorProto.FLOAT, [1, 3, 8, 8])
out = helper.make_tensor_value_info("probability", TensorProto.FLOAT, [1, 1, 8, 8])
nodes = [
    helper.make_node("ReduceMean", ["pixels"], ["mean"], axes=[1], keepdims=1),
    helper.make_node("Sigmoid", ["mean"], ["probability"]),
]
graph = helper.make_graph(nodes, "tiny-sigmoid", [inp], [out])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="enclave-care-tests")
onnx.checker.check_model(model)
onnx.save(model, "tiny-sigmoid.onnx")
