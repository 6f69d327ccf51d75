package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Intel's SGX TCB info, version 3 (the body whose signature was already checked): which FMSPC and PCE it
 * describes, its validity window, and its TCB levels in Intel's order, highest first.
 */
record TcbInfo(Instant issueDate, Instant nextUpdate, byte[] fmspc, byte[] pceId, List<Level> levels) {

    /** One TCB level: the minimum component SVNs and PCE SVN, and Intel's verdict on platforms at or above it. */
    record Level(int[] components, int pceSvn, TcbLevelStatus status, List<String> advisoryIds) {

        boolean isMetBy(PckCertificateExtensions platform) {
            for (int i = 0; i < components.length; i++) {
                if (platform.tcbComponents()[i] < components[i]) {
                    return false;
                }
            }
            return platform.pceSvn() >= pceSvn;
        }
    }

    /**
     * Intel's QVL keeps the levels in a set ordered by component SVNs (compared in turn) and then PCE SVN,
     * highest first, so the JSON order is never relied upon; the same order is rebuilt here.
     */
    private static final Comparator<Level> HIGHEST_FIRST = Comparator.<Level, int[]>comparing(Level::components,
            Arrays::compare).thenComparingInt(Level::pceSvn).reversed();

    static TcbInfo parse(String text) {
        JsonObject json = CollateralJson.object(text);
        if (!"SGX".equals(CollateralJson.string(json, "id")) || CollateralJson.integer(json, "version", 255) != 3
                || CollateralJson.integer(json, "tcbType", 255) != 0) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the TCB info is not SGX TCB info version 3");
        }
        List<Level> levels = new ArrayList<>();
        for (JsonObject level : CollateralJson.objects(json, "tcbLevels")) {
            levels.add(level(level));
        }
        levels.sort(HIGHEST_FIRST);
        return new TcbInfo(CollateralJson.instant(json, "issueDate"), CollateralJson.instant(json, "nextUpdate"),
                CollateralJson.hex(json, "fmspc", 6), CollateralJson.hex(json, "pceId", 2), List.copyOf(levels));
    }

    private static Level level(JsonObject level) {
        JsonObject tcb = CollateralJson.child(level, "tcb");
        List<JsonObject> svns = CollateralJson.objects(tcb, "sgxtcbcomponents");
        if (svns.size() != PckCertificateExtensions.COMPONENTS) {
            throw CollateralJson.malformed();
        }
        int[] components = svns.stream().mapToInt(svn -> CollateralJson.integer(svn, "svn", 255)).toArray();
        return new Level(components, CollateralJson.integer(tcb, "pcesvn", 65535),
                TcbLevelStatus.of(CollateralJson.string(level, "tcbStatus")), CollateralJson.advisoryIds(level));
    }

    /** Intel's rule: the highest level whose every component SVN and PCE SVN the platform meets or exceeds. */
    Level levelOf(PckCertificateExtensions platform) {
        if (!Arrays.equals(fmspc, platform.fmspc())) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the TCB info is for another FMSPC");
        }
        if (!Arrays.equals(pceId, platform.pceId())) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the TCB info is for another PCE-ID");
        }
        for (Level level : levels) {
            if (level.isMetBy(platform)) {
                return level;
            }
        }
        // Intel's QVL answers STATUS_TCB_NOT_SUPPORTED here, and dcap-qvl refuses: the platform is below
        // every level Intel still describes, so there is no status to report.
        throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the platform TCB is below every TCB info level");
    }
}
