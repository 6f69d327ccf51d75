package care.enclave.portal.control;

import care.enclave.platform.enclave.EnclaveIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.Config;

import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * What the portal's trust panel demands of the platform's attestation token before it sends patient data,
 * from MicroProfile Config: {@code portal.expected-mrenclave} ({@code self}, the default, is this enclave's
 * own measurement), {@code portal.expected-issuer} (default {@code attestation.issuer}),
 * {@code portal.allow-debug} and {@code portal.allow-simulated} (default {@code attestation.trust-simulated}),
 * and {@code portal.expected-provider-mrenclaves} (default {@code diagnostics.provider.mrenclaves}).
 *
 * <p>What this can prove, honestly: the page checks, in the browser, that a fresh token for its own nonce
 * is signed by the published key set and names the expected measurement, so a stale or replayed token, a
 * debug or simulated enclave in production, a backend other than the configured build behind a proxy, or a
 * misconfiguration turns the panel red. It cannot protect against a malicious server: the page, this
 * configuration and the key set all come from the server the page is checking, over TLS that the browser
 * trusts by its certificate, not by attestation. Pinning the expected MRENCLAVE here to a published build
 * measurement helps only while this configuration is out of the attacker's reach.
 */
@ApplicationScoped
public class PortalConfig {

    @Inject
    Config config;

    @Inject
    EnclaveIdentity identity;

    public JsonObject asJson() {
        boolean trustSimulated = flag("attestation.trust-simulated", false);
        return JSON.createObjectBuilder()
                .add("issuer", text("portal.expected-issuer", text("attestation.issuer", "")))
                .add("expectedMrEnclave", identity.resolve(List.of(text("portal.expected-mrenclave", "self"))).get(0))
                .add("allowDebug", flag("portal.allow-debug", trustSimulated))
                .add("allowSimulated", flag("portal.allow-simulated", trustSimulated))
                .add("providerMrEnclaves", JSON.createArrayBuilder(identity.resolve(providerMrEnclaves())))
                .build();
    }

    private List<String> providerMrEnclaves() {
        return config.getOptionalValues("portal.expected-provider-mrenclaves", String.class)
                .or(() -> config.getOptionalValues("diagnostics.provider.mrenclaves", String.class))
                .orElse(List.of());
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()).orElse(fallback);
    }

    private boolean flag(String key, boolean fallback) {
        return config.getOptionalValue(key, Boolean.class).orElse(fallback);
    }
}
