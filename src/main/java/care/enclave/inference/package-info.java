/**
 * The diagnostics provider's inference service, deployable on its own (the provider's enclave): a registry
 * of ONNX models identified by name and file SHA-256, ONNX Runtime sessions created once, and bounded
 * concurrent inference. Imports only {@code platform}, so it builds into its own WAR.
 */
package care.enclave.inference;
