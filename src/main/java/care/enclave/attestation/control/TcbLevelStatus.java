package care.enclave.attestation.control;

/**
 * The TCB statuses Intel publishes in TCB info (all of them) and QE identity (UpToDate, OutOfDate, Revoked).
 * The constants carry Intel's exact spelling so the JSON value and the reported status are the same string; a
 * status not listed here refuses the collateral rather than being guessed at.
 */
enum TcbLevelStatus {
    UpToDate, SWHardeningNeeded, ConfigurationNeeded, ConfigurationAndSWHardeningNeeded, OutOfDate,
    OutOfDateConfigurationNeeded, Revoked;

    static TcbLevelStatus of(String name) {
        for (TcbLevelStatus status : values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        throw CollateralJson.malformed();
    }

    /**
     * The platform status after taking the quoting enclave's into account, as Intel's QVL converges them: only
     * an out-of-date or revoked QE changes the platform's verdict, and an out-of-date QE keeps a configuration
     * requirement visible.
     */
    TcbLevelStatus convergeWithQe(TcbLevelStatus qe) {
        if (qe == Revoked) {
            return Revoked;
        }
        if (qe == OutOfDate && (this == UpToDate || this == SWHardeningNeeded)) {
            return OutOfDate;
        }
        if (qe == OutOfDate && (this == ConfigurationNeeded || this == ConfigurationAndSWHardeningNeeded)) {
            return OutOfDateConfigurationNeeded;
        }
        return this;
    }
}
