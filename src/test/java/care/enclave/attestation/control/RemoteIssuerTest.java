package care.enclave.attestation.control;

import care.enclave.platform.attestation.AttestationTokenException;
import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.Expectations;
import care.enclave.attestation.control.AttestationFailure.Reason;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Tokens of another trusted attestation service, verified against the JWKS it publishes over HTTP: fetched
 * once and cached, fetched again when a token names a key the cache does not have.
 */
class RemoteIssuerTest {

    static final Expectations ANY = new Expectations(List.of(), List.of(), true);

    @TempDir
    Path localDir;
    @TempDir
    Path remoteDir;
    HttpServer server;
    AtomicInteger fetches = new AtomicInteger();
    TokenFixture remote;
    TokenFixture local;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String remoteIssuer = "http://127.0.0.1:" + server.getAddress().getPort();
        remote = new TokenFixture(remoteDir, remoteIssuer, Vectors.EVALUATION_TIME, false);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] jwks = remote.keys.jwks().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        local = new TokenFixture(localDir, "https://local.test", Vectors.EVALUATION_TIME, false);
        local.verifier = AttestationTokenVerifier.of(local.keys, List.of("https://local.test", remoteIssuer),
                Vectors.EVALUATION_TIME, 0);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String remoteIssuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String remoteToken() {
        return remote.service.attestSgx(Vectors.read("sgx/phala_sgx_quote.bin"), null, null);
    }

    @Test
    void aTrustedRemoteIssuersTokensVerifyAndItsKeysAreCached() {
        local.verifier.verify(remoteToken(), ANY);
        local.verifier.verify(remoteToken(), ANY);

        assertEquals(1, fetches.get());
    }

    @Test
    void anUnknownKidMakesTheVerifierFetchTheKeysAgain() {
        local.verifier.verify(remoteToken(), ANY);
        remote.keys.rotate();

        local.verifier.verify(remoteToken(), ANY);

        assertEquals(2, fetches.get());
    }

    @Test
    void unknownKidsRefetchAtMostOncePerInterval() {
        local.verifier = AttestationTokenVerifier.of(local.keys, List.of("https://local.test", remoteIssuer()),
                Vectors.EVALUATION_TIME, 60_000);
        local.verifier.verify(remoteToken(), ANY);
        remote.keys.rotate();

        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.TOKEN_UNKNOWN_KEY.name(), assertThrows(AttestationTokenException.class,
                    () -> local.verifier.verify(remoteToken(), ANY)).reason());
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void anIssuerNotOnTheListIsNeverContacted() {
        TokenFixture fresh = new TokenFixture(localDir.resolve("x"), "https://local.test", Vectors.EVALUATION_TIME, false);

        AttestationTokenException failure = assertThrows(AttestationTokenException.class,
                () -> fresh.verifier.verify(remoteToken(), ANY));

        assertEquals(Reason.TOKEN_UNTRUSTED_ISSUER.name(), failure.reason());
        assertEquals(0, fetches.get());
    }
}
