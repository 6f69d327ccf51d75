package care.enclave.platform.security;

/**
 * A portal sign-in was refused: wrong user name or password, or too many failures (then
 * {@link #retryAfterSeconds()} is positive). The message is fixed and never names the user.
 */
public class SignInException extends RuntimeException {

    private final long retryAfterSeconds;

    SignInException(long retryAfterSeconds) {
        super(retryAfterSeconds > 0 ? "Sign-in refused: too many failed attempts"
                : "Sign-in refused: wrong user name or password", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
