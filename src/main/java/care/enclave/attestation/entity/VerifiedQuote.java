package care.enclave.attestation.entity;

import java.security.cert.X509Certificate;
import java.util.List;

/** A quote whose every signature and binding checked out, with the enclave identity it proves. */
public record VerifiedQuote(ReportBody enclave, ReportBody qeReport, List<X509Certificate> pckChain,
                            boolean simulated, TcbStatus tcb) {

    /** The platform's TCB status from collateral, when collateral was supplied. */
    public record TcbStatus(String status, List<String> advisoryIds) {
    }

    public VerifiedQuote withTcb(TcbStatus status) {
        return new VerifiedQuote(enclave, qeReport, pckChain, simulated, status);
    }
}
