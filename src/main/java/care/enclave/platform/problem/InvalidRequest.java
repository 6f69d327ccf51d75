package care.enclave.platform.problem;

/** A request body that cannot be read as what the endpoint takes. Fixed messages; never the input. */
public class InvalidRequest extends RuntimeException {

    private final boolean tooLarge;

    public InvalidRequest(String message) {
        this(message, false);
    }

    private InvalidRequest(String message, boolean tooLarge) {
        super(message, null, false, false);
        this.tooLarge = tooLarge;
    }

    public static InvalidRequest tooLarge(int limit) {
        return new InvalidRequest("The request body exceeds " + limit + " bytes", true);
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
