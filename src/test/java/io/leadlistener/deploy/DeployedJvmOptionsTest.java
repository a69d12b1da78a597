package io.leadlistener.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the image starts the service with ({@code deploy/Dockerfile}) are the ones the load harness measures
 * ({@code load.jvmArgs} in the {@code load} profile of {@code pom.xml}), and a JDK 17 accepts every one of them: an
 * option the JVM does not know stops the container before the application starts.
 */
class DeployedJvmOptionsTest {

    private static final Path REPO = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    @Test
    void theLoadHarnessMeasuresTheImagesJvmOptions() throws IOException {
        assertThat(harnessJvmOptions()).containsExactlyInAnyOrderElementsOf(imageJvmOptions());
    }

    @Test
    void theImagesJvmOptionsIncludeAFixedHeapCeilingAndTheSerialCollector() throws IOException {
        assertThat(imageJvmOptions()).contains("-XX:+UseSerialGC").anyMatch(option -> option.startsWith("-Xmx"));
    }

    @Test
    void aJdk17StartsWithTheImagesJvmOptions() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(imageJvmOptions());
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).as("a JVM warning about an option").doesNotContainIgnoringCase("warning");
        assertThat(Runtime.version().feature()).isEqualTo(17);
    }

    @Test
    void theImageMapsTheArchiveItWritesFromTheDirectoryItRunsIn() throws IOException {
        String dockerfile = Files.readString(REPO.resolve("deploy/Dockerfile")).replace("\\\n", " ");
        Matcher written = Pattern.compile("(?m)^RUN java .*-XX:ArchiveClassesAtExit=(\\S+)").matcher(dockerfile);
        assertThat(written.find()).as("RUN java -XX:ArchiveClassesAtExit=… in deploy/Dockerfile").isTrue();
        assertThat(imageJvmOptions()).contains("-XX:SharedArchiveFile=" + written.group(1));
        // The archive records the class path relative to where it was written: the JVM must run from there.
        Matcher workdir = Pattern.compile("(?m)^WORKDIR (\\S+)").matcher(dockerfile);
        Matcher jar = Pattern.compile("(?m)^ENV JAVA_APP_JAR=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(workdir.find() && jar.find()).as("WORKDIR and JAVA_APP_JAR in deploy/Dockerfile").isTrue();
        assertThat(workdir.start()).as("WORKDIR before the RUN that writes the archive").isLessThan(written.start());
        assertThat(Path.of(jar.group(1)).getParent()).isEqualTo(Path.of(workdir.group(1)));
    }

    /**
     * Outside the image (a plain {@code java -jar} anywhere but the app's directory) the archive is missing: a JDK 17
     * then starts without class data sharing, silently.
     */
    @Test
    void aJdk17StartsWithTheImagesJvmOptionsWhereTheArchiveIsMissing(@TempDir Path elsewhere) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(imageJvmOptions());
        command.add("-version");
        Process java = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).as("a JVM warning about an option").doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("error");
    }

    /** The {@code -X…} options of GC_CONTAINER_OPTIONS and JAVA_OPTS_APPEND (system properties are not sizing). */
    private static List<String> imageJvmOptions() throws IOException {
        String dockerfile = Files.readString(REPO.resolve("deploy/Dockerfile")).replace("\\\n", " ");
        List<String> options = new ArrayList<>();
        for (String variable : List.of("GC_CONTAINER_OPTIONS", "JAVA_OPTS_APPEND")) {
            Matcher env = Pattern.compile("(?m)^ENV " + variable + "=\"([^\"]*)\"").matcher(dockerfile);
            assertThat(env.find()).as("ENV " + variable + " in deploy/Dockerfile").isTrue();
            Arrays.stream(env.group(1).trim().split("\\s+")).filter(option -> option.startsWith("-X"))
                    .forEach(options::add);
        }
        return options;
    }

    private static List<String> harnessJvmOptions() throws IOException {
        Matcher property = Pattern.compile("<load\\.jvmArgs>([^<]*)</load\\.jvmArgs>")
                .matcher(Files.readString(REPO.resolve("pom.xml")));
        assertThat(property.find()).as("load.jvmArgs in pom.xml").isTrue();
        return Arrays.asList(property.group(1).trim().split("\\s+"));
    }
}
