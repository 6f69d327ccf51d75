package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both servers offer TLS 1.2 only with ECDHE and AEAD suites: a client limited to static RSA key exchange or
 * to CBC gets no handshake, one offering ECDHE with GCM (the generated certificate is RSA) does. Checked
 * with a real OpenSSL client, so it is the server's offer under test, not the JDK client's preferences.
 */
class TlsCiphersIT {

    @Test
    void tls12RefusesStaticRsaAndCbcSuitesAndAcceptsEcdheGcm() throws Exception {
        for (String port : List.of(System.getProperty("it.https.port"), System.getProperty("it.provider.https.port"))) {
            assertFalse(handshake(port, "-tls1_2", "-cipher", "AES128-SHA"), port + " AES128-SHA");
            assertFalse(handshake(port, "-tls1_2", "-cipher", "AES128-GCM-SHA256"), port + " static RSA with GCM");
            assertFalse(handshake(port, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA"), port + " ECDHE with CBC");
            assertFalse(handshake(port, "-tls1_2", "-cipher", "ECDHE-RSA-AES256-SHA384"), port + " ECDHE with CBC-SHA384");
            assertTrue(handshake(port, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"), port + " ECDHE-RSA-AES128-GCM");
            assertTrue(handshake(port, "-tls1_3"), port + " TLS 1.3");
        }
    }

    /** True when OpenSSL completed a handshake, i.e. reported a negotiated cipher. */
    private static boolean handshake(String port, String... options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", "localhost:" + port,
                "-servername", "localhost"));
        command.addAll(List.of(options));
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl s_client finished");
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return openssl.exitValue() == 0 && output.matches("(?s).*Cipher is (?!\\(NONE\\)).*");
    }
}
