package care.enclave.deployment;

import java.util.List;

/** The build output the Liberty images take from the Dockerfile's build stage, as paths of this project. */
public final class DockerfileBuildOutput {

    /** The build stage works in /src, a copy of this project. */
    private static final String BUILD_ROOT = "/src/";

    private DockerfileBuildOutput() {
    }

    public static List<String> sources(DockerfileModel dockerfile) {
        return dockerfile.stages().stream().flatMap(s -> s.all("COPY").stream())
                .filter(c -> c.flag("from").filter("build"::equals).isPresent())
                .flatMap(c -> c.arguments().subList(0, c.arguments().size() - 1).stream())
                .map(source -> {
                    if (!source.startsWith(BUILD_ROOT)) {
                        throw new AssertionError("COPY --from=build of " + source + ", outside the build's " + BUILD_ROOT);
                    }
                    return source.substring(BUILD_ROOT.length());
                })
                .distinct().toList();
    }

    /** The project's Dockerfile's build-stage sources (for the check that runs after {@code package}). */
    public static List<String> sources() {
        return sources(DockerfileModel.load());
    }
}
