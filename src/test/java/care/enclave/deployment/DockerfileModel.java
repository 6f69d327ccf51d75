package care.enclave.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's Dockerfile read the way BuildKit reads it: comments dropped, continuation lines joined,
 * global ARG defaults substituted into FROM, instructions grouped by stage.
 */
public final class DockerfileModel {

    public static final Path FILE = Path.of("Dockerfile");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    private final Map<String, String> globalArgs = new LinkedHashMap<>();
    private final List<Stage> stages = new ArrayList<>();

    /** One instruction: its keyword, its --flags and the rest of its arguments. */
    public record Instruction(String keyword, List<String> flags, List<String> arguments, String text) {

        public Optional<String> flag(String name) {
            return flags.stream().filter(f -> f.startsWith("--" + name + "=")).map(f -> f.substring(name.length() + 3)).findFirst();
        }
    }

    /** A build stage: its name (or its index), what it is built FROM, and its instructions. */
    public record Stage(String name, String from, List<Instruction> instructions) {

        public List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        public int indexOf(String keyword, String containing) {
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i).keyword().equals(keyword) && instructions.get(i).text().contains(containing)) {
                    return i;
                }
            }
            return -1;
        }
    }

    public static DockerfileModel load() {
        try {
            return parse(Files.readAllLines(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DockerfileModel parse(List<String> lines) {
        DockerfileModel model = new DockerfileModel();
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && pending.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            model.add(pending.toString().strip());
            pending.setLength(0);
        }
        return model;
    }

    private void add(String text) {
        String[] words = text.split("\\s+");
        String keyword = words[0].toUpperCase();
        List<String> flags = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (String word : Arrays.asList(words).subList(1, words.length)) {
            if (word.startsWith("--") && arguments.isEmpty()) {
                flags.add(word);
            } else {
                arguments.add(word);
            }
        }
        Instruction instruction = new Instruction(keyword, flags, arguments, text);
        if (keyword.equals("FROM")) {
            String name = arguments.size() == 3 && arguments.get(1).equalsIgnoreCase("AS") ? arguments.get(2) : String.valueOf(stages.size());
            stages.add(new Stage(name, substitute(arguments.get(0)), new ArrayList<>()));
        } else if (stages.isEmpty() && keyword.equals("ARG")) {
            String[] definition = arguments.get(0).split("=", 2);
            globalArgs.put(definition[0], definition.length == 2 ? definition[1] : "");
        } else if (!stages.isEmpty()) {
            stages.get(stages.size() - 1).instructions().add(instruction);
        }
    }

    private String substitute(String image) {
        Matcher variable = VARIABLE.matcher(image);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(resolved, Matcher.quoteReplacement(globalArgs.getOrDefault(variable.group(1), "")));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }

    public List<Stage> stages() {
        return stages;
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Stage get(String name) {
        return stage(name).orElseThrow(() -> new AssertionError("the Dockerfile has no stage " + name));
    }

    /** The user a stage runs as: its last USER, or inherited from the stage it is built FROM. */
    public Optional<String> effectiveUser(Stage stage) {
        List<Instruction> users = stage.all("USER");
        if (!users.isEmpty()) {
            return Optional.of(users.get(users.size() - 1).arguments().get(0));
        }
        return stage(stage.from()).flatMap(this::effectiveUser);
    }
}
