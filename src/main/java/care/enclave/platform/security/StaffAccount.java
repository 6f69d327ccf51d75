package care.enclave.platform.security;

/**
 * The platform's built-in staff accounts: each has one role and takes its password from an environment
 * variable, or from a password generated at first start.
 */
public enum StaffAccount {

    CLERK("clerk", "clerk", "ENCLAVE_CARE_CLERK_PASSWORD"),
    /** Runs the platform: attestation policies, key rotation; never reads patient records. */
    OPERATOR("operator", "operator", "ENCLAVE_CARE_OPERATOR_PASSWORD");

    private final String userName;
    private final String role;
    private final String passwordVariable;

    StaffAccount(String userName, String role, String passwordVariable) {
        this.userName = userName;
        this.role = role;
        this.passwordVariable = passwordVariable;
    }

    public String userName() {
        return userName;
    }

    public String role() {
        return role;
    }

    public String passwordVariable() {
        return passwordVariable;
    }
}
