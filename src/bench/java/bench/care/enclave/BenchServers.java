package bench.care.enclave;

import it.care.enclave.ItServer;
import it.care.enclave.ItServerControl;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two servers under test, created afresh on the benchmark's own ports in the build's Liberty (as the
 * integration tests' are): the platform from the product WAR and server.xml, and the diagnostics provider
 * from its own WAR with the committed U-Net, which the platform calls over HTTPS, pinned by its measurement.
 */
final class BenchServers implements AutoCloseable {

    static final String PLATFORM = "enclave-care-bench";
    static final String PROVIDER = "enclave-care-provider-bench";

    private final BenchConfig config;
    private final Path wlp;
    private final List<String> started = new ArrayList<>();

    BenchServers(BenchConfig config) {
        this.config = config;
        this.wlp = config.target().resolve("liberty/wlp");
    }

    void start() throws Exception {
        Path simulatedSgx = config.target().resolve("bench-simulated-sgx");
        Path noModels = Files.createDirectories(config.target().resolve("bench-no-models"));
        List<String> platform = new ArrayList<>(List.of("start", wlp.toString(), PLATFORM, config.war().toString(),
                Integer.toString(config.httpPort()), Integer.toString(config.httpsPort()),
                "bootstrap:onnxruntime.lib.dir=" + config.onnxRuntimeLib(),
                // The platform serves no model itself: /delineate goes to the provider's server.
                "-Dinference.models.dir=" + noModels,
                "-Dinference/mp-rest/url=https://localhost:" + config.providerHttpsPort(),
                "measure:diagnostics.provider.mrenclaves=" + config.inferenceWar(),
                "-Dplatform.enclave.simulated-dir=" + simulatedSgx));
        platform.addAll(config.serverJvm());
        started.add(PLATFORM);
        ItServerControl.main(platform.toArray(String[]::new));
        List<String> provider = new ArrayList<>(List.of("start", wlp.toString(), PROVIDER,
                config.inferenceWar().toString(),
                Integer.toString(config.providerHttpPort()), Integer.toString(config.providerHttpsPort()),
                "serverxml:src/main/liberty/inference/server.xml",
                "bootstrap:onnxruntime.lib.dir=" + config.onnxRuntimeLib(),
                "bootstrap:attestation.trusted-issuers=https://localhost:" + config.httpsPort(),
                "-Dinference.models.dir=" + SampleSlice.MODEL.toAbsolutePath().getParent(),
                "-Dplatform.enclave.simulated-dir=" + simulatedSgx,
                "measure:inference.callers.allowed-mrenclaves=" + config.war(),
                "-Dinference.callers.allow-debug=true",
                "sharekeystore:" + platformDir()));
        provider.addAll(config.serverJvm());
        started.add(PROVIDER);
        ItServerControl.main(provider.toArray(String[]::new));
    }

    Path platformDir() {
        return wlp.resolve("usr/servers").resolve(PLATFORM);
    }

    long platformPid() {
        return pid(PLATFORM);
    }

    long providerPid() {
        return pid(PROVIDER);
    }

    long redisPid() {
        return Long.parseLong(read(platformDir().resolve("data/redis/redis.pid")).trim());
    }

    /** The clerk's password, which the platform generated at its first start and printed once. */
    String clerkPassword() {
        return ItServer.generatedPassword(platformDir(), "clerk");
    }

    /** A client that trusts exactly the platform's generated certificate. */
    HttpClient client() {
        return ItServer.clientFor(platformDir());
    }

    String baseUrl() {
        return "https://localhost:" + config.httpsPort();
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            ItServerControl.main(new String[]{"stop", wlp.toString(), started.get(i)});
        }
        started.clear();
    }

    private long pid(String server) {
        return Long.parseLong(read(wlp.resolve("usr/servers/.pid").resolve(server + ".pid")).trim());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
