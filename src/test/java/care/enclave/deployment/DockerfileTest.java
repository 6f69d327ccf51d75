package care.enclave.deployment;

import care.enclave.deployment.DockerfileModel.Instruction;
import care.enclave.deployment.DockerfileModel.Stage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be checked of the Dockerfile without a Docker engine: it parses into the expected stages,
 * every base image is pinned, every runnable image runs as a non-root user, each Liberty image installs
 * exactly its server.xml's features and deploys the WAR that server.xml names, its build-context sources
 * exist, and no secret enters a layer. (That the build output it copies exists is checked after
 * {@code package} by {@code it.care.enclave.DockerfileBuildOutputIT}.)
 */
class DockerfileTest {

    static final Pattern PINNED = Pattern.compile("[^:@]+(@sha256:[0-9a-f]{64}|:\\d+\\.\\d+\\.\\d+[\\w.-]*|:\\d+\\.\\d+-[a-z]+)");
    /** Each Liberty image, the server.xml it is built from, and its WAR in the build output. */
    static final Map<String, String> SERVER_XML = Map.of(
            "platform", "src/main/liberty/config/server.xml", "inference", "src/main/liberty/inference/server.xml");

    final DockerfileModel dockerfile = DockerfileModel.load();

    @Test
    void theDockerfileHasTheBuildTheLibertyAndTheSgxStages() {
        assertEquals(List.of("build", "platform", "inference", "jre", "sgx-base", "platform-sgx", "inference-sgx"),
                dockerfile.stages().stream().map(Stage::name).filter(n -> !n.matches("\\d+")).toList());
        assertEquals("platform", dockerfile.stages().get(dockerfile.stages().size() - 1).from(),
                "a plain docker build gives the platform image");
    }

    @Test
    void everyBaseImageIsPinnedToAnExactVersion() {
        assertAll(dockerfile.stages().stream().filter(s -> dockerfile.stage(s.from()).isEmpty()).map(s -> () ->
                assertTrue(PINNED.matcher(s.from()).matches(), "stage " + s.name() + " FROM " + s.from() + " is not pinned")));
        assertAll(dockerfile.stages().stream().flatMap(s -> s.all("COPY").stream()).map(c -> c.flag("from")).flatMap(java.util.Optional::stream)
                .filter(from -> from.contains(":")).map(from -> () ->
                        assertTrue(PINNED.matcher(from).matches(), "COPY --from=" + from + " is not pinned")));
    }

    @Test
    void everyRunnableImageRunsAsANonRootUser() {
        assertAll(List.of("platform", "inference", "platform-sgx", "inference-sgx").stream().map(name -> () ->
                assertEquals("1001", dockerfile.effectiveUser(dockerfile.get(name)).orElse("root"), name + " USER")));
        Stage last = dockerfile.stages().get(dockerfile.stages().size() - 1);
        assertEquals("1001", dockerfile.effectiveUser(last).orElse("root"), "the default target's USER");
    }

    @Test
    void eachLibertyImageInstallsExactlyItsServerXmlsFeatures() {
        assertAll(SERVER_XML.entrySet().stream().map(e -> () -> {
            Stage stage = dockerfile.get(e.getKey());
            int serverXml = stage.indexOf("COPY", e.getValue() + " /config/server.xml");
            int features = stage.indexOf("RUN", "features.sh");
            int configure = stage.indexOf("RUN", "configure.sh");
            assertTrue(serverXml >= 0, e.getKey() + " copies " + e.getValue());
            assertTrue(serverXml < features && features < configure, e.getKey() + ": server.xml, then features.sh, then configure.sh");
            assertTrue(stage.instructions().subList(0, features).stream().filter(i -> i.keyword().equals("COPY"))
                    .allMatch(i -> i.text().endsWith("/config/server.xml")), e.getKey() + ": nothing else configures features");
            assertFalse(stage.instructions().stream().anyMatch(i -> i.text().matches(".*(featureUtility|installUtility|installFeature).*")),
                    e.getKey() + " installs features server.xml does not list");
            assertFalse(featureList(Path.of(e.getValue())).isEmpty(), e.getValue() + " lists its features");
        }));
    }

    @Test
    void theSgxOverridesAddNoFeaturesAfterTheyWereInstalled() throws Exception {
        for (Path xml : List.of(Path.of("manifests/gramine/liberty/platform-tls.xml"), Path.of("manifests/gramine/liberty/inference-tls.xml"))) {
            assertTrue(featureList(xml).isEmpty(), xml + " would need a feature that is not installed");
        }
    }

    @Test
    void eachLibertyImageDeploysTheWarItsServerXmlNames() {
        assertAll(SERVER_XML.entrySet().stream().map(e -> () -> {
            String location = parse(Path.of(e.getValue())).getElementsByTagName("webApplication").item(0)
                    .getAttributes().getNamedItem("location").getNodeValue();
            assertTrue(dockerfile.get(e.getKey()).indexOf("COPY", "/config/apps/" + location) >= 0,
                    e.getKey() + " does not copy " + location + " into /config/apps");
        }));
    }

    @Test
    void buildContextSourcesExistAndAreNotDockerignored() throws Exception {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertAll(dockerfile.stages().stream().flatMap(s -> s.all("COPY").stream()).filter(c -> c.flag("from").isEmpty())
                .flatMap(c -> c.arguments().subList(0, c.arguments().size() - 1).stream()).map(source -> () -> {
                    assertTrue(Files.exists(Path.of(source)), "COPY source " + source + " does not exist");
                    assertFalse(ignored.stream().anyMatch(i -> source.startsWith(i.replace("*", ""))), source + " is excluded by .dockerignore");
                }));
    }

    @Test
    void buildOutputCopiedFromTheBuildStageIsWhatThePomProduces() throws Exception {
        Document pom = parse(Path.of("pom.xml"));
        String finalName = pom.getElementsByTagName("finalName").item(0).getTextContent();
        String classifier = pom.getElementsByTagName("classifier").item(0).getTextContent();
        String ortDir = pom.getElementsByTagName("onnxruntime.lib.dir").item(0).getTextContent();
        assertEquals("${project.build.directory}/onnxruntime-lib", ortDir);
        List<String> sources = DockerfileBuildOutput.sources(dockerfile);
        assertTrue(sources.contains("target/" + finalName + ".war"), sources.toString());
        assertTrue(sources.contains("target/" + finalName + "-" + classifier + ".war"), sources.toString());
        assertTrue(sources.contains("target/onnxruntime-lib/"), sources.toString());
    }

    @Test
    void theSgxImagesAreSignedWithABuildSecretAndRunTheirOwnManifest() {
        for (String server : List.of("platform", "inference")) {
            Stage stage = dockerfile.get(server + "-sgx");
            assertTrue(stage.indexOf("COPY", "manifests/gramine/" + server + ".manifest.template") >= 0, server + " template");
            Instruction sign = stage.all("RUN").stream().filter(r -> r.text().contains("gramine-sgx-sign")).findFirst().orElseThrow();
            assertTrue(sign.flags().contains("--mount=type=secret,id=enclave-signing-key,required=true"), "the key is a build secret");
            assertTrue(sign.text().contains("--manifest " + server + ".manifest --output " + server + ".manifest.sgx"), sign.text());
            assertTrue(stage.all("ENTRYPOINT").get(0).text().contains("[\"gramine-sgx\", \"" + server + "\"]"), server + " entrypoint");
        }
        assertAll(dockerfile.stages().stream().flatMap(s -> s.instructions().stream()).map(i -> () -> {
            assertFalse(i.keyword().matches("COPY|ADD") && i.text().matches("(?i).*\\.(pem|key|p12|jks)\\b.*"), "a key enters a layer: " + i.text());
            assertFalse(i.keyword().matches("ARG|ENV") && i.text().matches("(?i).*(PASSWORD|SECRET|TOKEN|KEY)\\w*=.*"), "a secret in " + i.text());
        }));
    }

    @Test
    void theSgxStagesPassEveryDeploymentVariableTheirTemplateUses() {
        Map<String, Path> templates = Map.of("platform-sgx", GramineTemplates.PLATFORM, "inference-sgx", GramineTemplates.INFERENCE);
        assertAll(templates.entrySet().stream().map(e -> () -> {
            String render = dockerfile.get(e.getKey()).all("RUN").stream().map(Instruction::text)
                    .filter(t -> t.contains("gramine-manifest")).findFirst().orElseThrow();
            java.util.Set<String> passed = new java.util.TreeSet<>();
            java.util.regex.Matcher define = Pattern.compile("-D(\\w+)=").matcher(render);
            while (define.find()) {
                passed.add(define.group(1));
            }
            java.util.Set<String> used = new java.util.TreeSet<>(GramineTemplates.variables(e.getValue()));
            used.removeIf(v -> v.startsWith("gramine."));
            assertEquals(used, passed, e.getKey() + " renders its template with exactly the variables it uses");
        }));
    }

    private static List<String> featureList(Path serverXml) throws Exception {
        var features = parse(serverXml).getElementsByTagName("feature");
        return java.util.stream.IntStream.range(0, features.getLength()).mapToObj(i -> features.item(i).getTextContent().strip()).toList();
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }
}
