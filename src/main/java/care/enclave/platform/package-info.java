/**
 * Cross-cutting pieces every module may use: problem JSON and the catch-all error mapper, request
 * correlation, authentication of hospital staff, the data keys and the envelope cipher, and the embedded
 * Redis used when no Redis is configured. It imports no other module, so any module (including the
 * separately deployed inference service) can depend on it.
 */
package care.enclave.platform;
