package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.ReportBody;
import jakarta.json.JsonObject;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Intel's identity of its quoting enclave, version 2 (the body whose signature was already checked): who signs
 * the QE, which product it is, which MISCSELECT and ATTRIBUTES bits are fixed, and the TCB levels by ISVSVN.
 */
record QeIdentity(Instant issueDate, Instant nextUpdate, int miscSelect, int miscSelectMask, byte[] attributes,
                  byte[] attributesMask, byte[] mrSigner, int isvProdId, List<Level> levels) {

    /** One QE TCB level: the minimum ISVSVN and Intel's verdict on a QE at or above it. */
    record Level(int isvSvn, TcbLevelStatus status, List<String> advisoryIds) {
    }

    static QeIdentity parse(String text) {
        JsonObject json = CollateralJson.object(text);
        if (!"QE".equals(CollateralJson.string(json, "id")) || CollateralJson.integer(json, "version", 255) != 2) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the QE identity is not SGX QE identity version 2");
        }
        List<Level> levels = new ArrayList<>();
        for (JsonObject level : CollateralJson.objects(json, "tcbLevels")) {
            levels.add(level(level));
        }
        levels.sort(Comparator.comparingInt(Level::isvSvn).reversed());
        return new QeIdentity(CollateralJson.instant(json, "issueDate"), CollateralJson.instant(json, "nextUpdate"),
                number(CollateralJson.hex(json, "miscselect", 4)), number(CollateralJson.hex(json, "miscselectMask", 4)),
                CollateralJson.hex(json, "attributes", 16), CollateralJson.hex(json, "attributesMask", 16),
                CollateralJson.hex(json, "mrsigner", 32), CollateralJson.integer(json, "isvprodid", 65535),
                List.copyOf(levels));
    }

    private static Level level(JsonObject level) {
        TcbLevelStatus status = TcbLevelStatus.of(CollateralJson.string(level, "tcbStatus"));
        if (status != TcbLevelStatus.UpToDate && status != TcbLevelStatus.OutOfDate
                && status != TcbLevelStatus.Revoked) {
            throw CollateralJson.malformed();
        }
        return new Level(CollateralJson.integer(CollateralJson.child(level, "tcb"), "isvsvn", 65535), status,
                CollateralJson.advisoryIds(level));
    }

    /**
     * The hex is the number as written (most significant byte first), as Intel's QVL reads it before masking
     * the report's MISCSELECT; Intel's published values (00000000 under FFFFFFFF) read the same either way.
     */
    private static int number(byte[] fourBytes) {
        return ByteBuffer.wrap(fourBytes).getInt();
    }

    /**
     * The QE TCB level of a quoting enclave that is Intel's: same MRSIGNER and ISVPRODID, and MISCSELECT and
     * ATTRIBUTES equal to the identity's under its masks (Intel compares the masked report to the unmasked
     * identity, so identity bits outside the mask can never match). An ISVSVN below every level is revoked,
     * as in Intel's QVL.
     */
    Level levelOf(ReportBody qe) {
        if (!Arrays.equals(mrSigner, qe.mrSigner()) || isvProdId != qe.isvProdId()
                || (qe.miscSelect() & miscSelectMask) != miscSelect || !attributesMatch(qe.attributes())) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the quoting enclave does not match the QE identity");
        }
        for (Level level : levels) {
            if (qe.isvSvn() >= level.isvSvn()) {
                return level;
            }
        }
        return new Level(qe.isvSvn(), TcbLevelStatus.Revoked, List.of());
    }

    private boolean attributesMatch(byte[] reported) {
        if (reported.length != attributes.length) {
            return false;
        }
        for (int i = 0; i < attributes.length; i++) {
            if ((reported[i] & attributesMask[i] & 0xff) != (attributes[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
