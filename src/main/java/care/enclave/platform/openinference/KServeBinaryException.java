package care.enclave.platform.openinference;

/**
 * An Open Inference Protocol message was refused. Messages start with {@code "Open Inference message: "},
 * name only the reason and never carry tensor values (they are patient data).
 */
public class KServeBinaryException extends RuntimeException {

    static final String PREFIX = "Open Inference message: ";

    KServeBinaryException(String reason) {
        super(PREFIX + reason, null, false, false);
    }
}
