package care.enclave.platform.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossSiteRequestsTest {

    private static final String OWN = "https://localhost:9443";

    @Test
    void anApiClientWithoutBrowserHeadersPasses() {
        assertFalse(CrossSiteRequests.refused("POST", null, null, OWN));
    }

    @Test
    void aCrossSiteFetchIsRefused() {
        assertTrue(CrossSiteRequests.refused("POST", "cross-site", null, OWN));
    }

    @Test
    void aSameSiteButOtherOriginFetchIsRefused() {
        assertTrue(CrossSiteRequests.refused("PUT", "same-site", null, OWN));
    }

    @Test
    void aSameOriginFetchPasses() {
        assertFalse(CrossSiteRequests.refused("POST", "same-origin", OWN, OWN));
    }

    @Test
    void anotherOriginIsRefusedWithoutFetchMetadata() {
        assertTrue(CrossSiteRequests.refused("POST", null, "https://evil.example", OWN));
    }

    @Test
    void anotherPortIsAnotherOrigin() {
        assertTrue(CrossSiteRequests.refused("DELETE", null, "https://localhost:8443", OWN));
    }

    @Test
    void theOpaqueNullOriginIsRefused() {
        assertTrue(CrossSiteRequests.refused("POST", null, "null", OWN));
    }

    @Test
    void theDefaultPortMayBeLeftOut() {
        assertFalse(CrossSiteRequests.refused("POST", null, "https://host.example", "https://host.example:443"));
    }

    @Test
    void safeMethodsAreNeverRefused() {
        assertFalse(CrossSiteRequests.refused("GET", "cross-site", "https://evil.example", OWN));
    }
}
