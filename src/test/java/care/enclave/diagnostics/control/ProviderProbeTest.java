package care.enclave.diagnostics.control;

import care.enclave.diagnostics.client.InferenceApi;
import care.enclave.platform.attestation.VerifiedAttestation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider probe's caching and verdicts, with the verification's outcomes scripted. */
class ProviderProbeTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    /** Plays back verification outcomes: a verified provider, or an exception to throw. */
    static final class ScriptedVerification extends ProviderVerification {
        final Deque<Object> outcomes = new ArrayDeque<>();
        int calls;

        @Override
        public VerifiedProvider verify(InferenceApi client, String modelName) {
            calls++;
            Object next = outcomes.removeFirst();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (VerifiedProvider) next;
        }
    }

    private final ScriptedVerification verification = new ScriptedVerification();
    private Instant now = T0;

    private ProviderProbe probe() {
        ProviderProbe cut = new ProviderProbe() {
            @Override
            InferenceApi client() {
                return null;
            }
        };
        cut.verification = verification;
        cut.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        cut.enabled = true;
        cut.modelName = "unet";
        cut.cacheUp = Duration.ofSeconds(30);
        cut.cacheDown = Duration.ofSeconds(5);
        return cut;
    }

    private static VerifiedProvider verified() {
        VerifiedAttestation attestation = new VerifiedAttestation("https://as.test", "ab".repeat(32), "cd".repeat(32),
                0, 0, true, true, Map.of(), "token", List.of());
        return new VerifiedProvider(attestation, null, "unet", "ef".repeat(32));
    }

    @Test
    void aVerifiedProviderIsUsableAndTheVerdictIsCached() {
        verification.outcomes.add(verified());
        ProviderProbe cut = probe();

        ProviderProbe.Status first = cut.status();
        now = T0.plusSeconds(29);
        ProviderProbe.Status second = cut.status();

        assertTrue(first.usable(), first.reason());
        assertTrue(first.reason().contains("abababababababab..."), first.reason());
        assertEquals(first, second);
        assertEquals(1, verification.calls, "one verification within the cache period");
    }

    @Test
    void anUntrustedOrUnreachableProviderIsDownAndRetriedSooner() {
        verification.outcomes.add(new ProviderException(ProviderException.Kind.UNTRUSTED, "the provider is not a trusted enclave"));
        verification.outcomes.add(new IllegalStateException("connect timed out to 10.0.0.7"));
        verification.outcomes.add(verified());
        ProviderProbe cut = probe();

        ProviderProbe.Status untrusted = cut.status();
        now = T0.plusSeconds(6);
        ProviderProbe.Status unreachable = cut.status();
        now = T0.plusSeconds(12);
        ProviderProbe.Status back = cut.status();

        assertFalse(untrusted.usable());
        assertEquals("Diagnostics provider: the provider is not a trusted enclave", untrusted.reason());
        assertFalse(unreachable.usable());
        assertFalse(unreachable.reason().contains("10.0.0.7"), "no host names: " + unreachable.reason());
        assertTrue(back.usable());
        assertEquals(3, verification.calls);
    }
}
