package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CollateralJsonTest {

    @Test
    void collateralNestedBeyondTheParsersLimitIsInvalidCollateralNotAServerError() {
        String deep = "{\"tcbInfo\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        AttestationFailure refused = assertThrows(AttestationFailure.class, () -> CollateralJson.object(deep));

        assertEquals(Reason.COLLATERAL_INVALID, refused.failedCheck());
    }
}
