package care.enclave.platform.security;

/**
 * The platform's built-in staff accounts: each has one role and takes its password from an environment
 * variable, or from a password generated at first start.
 */
public enum StaffAccount {

    CLERK("clerk", "clerk", "ENCLAVE_CARE_CLERK_PASSWORD"),
    /** Runs the platform: attestation policies, key rotation; never reads patient records. */
    OPERATOR("operator", "operator", "ENCLAVE_CARE_OPERATOR_PASSWORD"),
    /** Reads and verifies the audit trail; never reads patient records nor changes the platform. */
    AUDITOR("auditor", "auditor", "ENCLAVE_CARE_AUDITOR_PASSWORD");

    private final String userName;
    private final String role;
    private final String passwordVariable;

    StaffAccount(String userName, String role, String passwordVariable) {
        this.userName = userName;
        this.role = role;
        this.passwordVariable = passwordVariable;
    }

    /** The account with this user name, if there is one. */
    public static java.util.Optional<StaffAccount> byUserName(String userName) {
        return java.util.Arrays.stream(values()).filter(a -> a.userName.equals(userName)).findFirst();
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
