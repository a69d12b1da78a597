package io.leadlistener.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image describes itself with the OCI annotation keys (org.opencontainers.image.*): registries, scanners and
 * {@code docker inspect} show what it is and which release and commit it was built from. Read from deploy/Dockerfile
 * as text; no Docker needed.
 */
class DockerfileLabelsTest {

    private static final Path DOCKERFILE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
            .resolve("deploy/Dockerfile");
    private static final String OCI = "org.opencontainers.image.";
    private static final Pattern LABEL_PAIR = Pattern.compile("([\\w.-]+)=\"([^\"]*)\"");
    private static final Pattern ARG = Pattern.compile("^ARG\\s+(\\w+)(?:=(.*))?$");

    /** Labels and build arguments of the final stage (after its FROM). */
    private static final Map<String, String> labels = new LinkedHashMap<>();
    private static final Map<String, String> args = new LinkedHashMap<>();

    @BeforeAll
    static void readFinalStage() throws IOException {
        // Instructions, with continuation lines joined and comments dropped.
        List<String> instructions = List.of(Files.readString(DOCKERFILE).replaceAll("(?m)^\\s*#.*\\n", "")
                .replaceAll("\\\\\\n", " ").split("\\n"));
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        for (String instruction : instructions.subList(lastFrom, instructions.size())) {
            if (instruction.startsWith("LABEL ")) {
                Matcher pair = LABEL_PAIR.matcher(instruction);
                while (pair.find()) {
                    labels.put(pair.group(1), pair.group(2));
                }
            }
            Matcher arg = ARG.matcher(instruction.trim());
            if (arg.matches()) {
                args.put(arg.group(1), arg.group(2));
            }
        }
    }

    @Test
    void theImageCarriesItsOciTitleDescriptionAndSource() {
        assertThat(labels).containsEntry(OCI + "title", "wecom-lead-listener");
        assertThat(labels.get(OCI + "description")).as("description").isNotBlank();
        assertThat(labels.get(OCI + "source")).as("source").isNotBlank();
    }

    @Test
    void versionAndRevisionComeFromBuildArgumentsWithDefaults() {
        assertBuildArgument(OCI + "version");
        assertBuildArgument(OCI + "revision");
        assertBuildArgument(OCI + "source");
    }

    private static void assertBuildArgument(String label) {
        String value = labels.get(label);
        assertThat(value).as("%s in %s", label, DOCKERFILE).isNotNull().matches("\\$\\{\\w+}");
        String name = value.substring(2, value.length() - 1);
        assertThat(args).as("ARG %s declared after FROM (else it is empty in the stage)", name).containsKey(name);
        assertThat(args.get(name)).as("default of ARG %s", name).isNotBlank();
    }
}
