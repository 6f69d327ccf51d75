package care.enclave.patients.control;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A private CA and a server certificate it signs, written as the PEM files of a Kubernetes TLS Secret
 * (ca.crt, server.crt, server.key), for a TLS server in a test; and a free port to start it on.
 */
final class TestTls {

    private TestTls() {
    }

    static void writeCaAndServer(Path dir, String hostName) throws Exception {
        KeyPair caKeys = ecKeys();
        KeyPair serverKeys = ecKeys();
        write(dir.resolve("ca.crt"), certificate("CN=Test CA", caKeys, "CN=Test CA", caKeys, null));
        write(dir.resolve("server.crt"), certificate("CN=" + hostName, serverKeys, "CN=Test CA", caKeys, hostName));
        write(dir.resolve("server.key"), new JcaPKCS8Generator(serverKeys.getPrivate(), null));
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** A CA certificate when hostName is null, else a server certificate for that name. */
    private static X509CertificateHolder certificate(String subject, KeyPair keys, String issuer, KeyPair signer,
                                                     String hostName) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(hostName == null));
        if (hostName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, hostName)));
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
    }

    private static void write(Path file, Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        Files.writeString(file, text.toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the server accepts connections; fails with its log otherwise. */
    static void awaitPort(int port, Path log) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("the server did not start: " + Files.readString(log));
    }
}
