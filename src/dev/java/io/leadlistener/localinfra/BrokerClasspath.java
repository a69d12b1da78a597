package io.leadlistener.localinfra;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * The classpath of the Kafka broker child JVM: Kafka's own jars plus the directory (or jar) holding
 * {@link BrokerProcessMain}.
 *
 * <p>The Quarkus BOM pins Kafka to the client version Quarkus ships, so the broker's jars come from a
 * separate pom without the BOM ({@value LocalInfraSettings#BROKER_POM}), resolved once with the project's
 * Maven Wrapper and cached under {@code target/local-infra/}.
 */
final class BrokerClasspath {

    private static final Logger LOG = Logger.getLogger(BrokerClasspath.class);
    private static final String CACHE_FILE = "kafka-broker.classpath";
    private static final long RESOLVE_TIMEOUT_MINUTES = 10;

    private BrokerClasspath() {
    }

    static String resolve(Path projectRoot, Path localInfraRoot) throws IOException, InterruptedException {
        Path cache = localInfraRoot.resolve(CACHE_FILE);
        Path pom = projectRoot.resolve(LocalInfraSettings.BROKER_POM);
        if (!isUsable(cache, pom)) {
            resolveInto(cache, projectRoot, pom);
        }
        String kafkaJars = Files.readString(cache, StandardCharsets.UTF_8).trim();
        return ownClassesLocation() + File.pathSeparator + kafkaJars;
    }

    /** Stale when the pom changed since, or when a jar was removed from the local repository. */
    private static boolean isUsable(Path cache, Path pom) throws IOException {
        if (!Files.isRegularFile(cache)
                || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(pom)) < 0) {
            return false;
        }
        String classpath = Files.readString(cache, StandardCharsets.UTF_8).trim();
        if (classpath.isEmpty()) {
            return false;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    private static void resolveInto(Path cache, Path projectRoot, Path pom) throws IOException, InterruptedException {
        Files.createDirectories(cache.getParent());
        // Written aside and moved, so a dev JVM and a test JVM resolving at once never read half a file.
        Path partial = Files.createTempFile(cache.getParent(), CACHE_FILE, ".partial");
        Path mavenLog = cache.resolveSibling(CACHE_FILE + ".log");
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable(projectRoot));
        command.addAll(List.of("-q", "-B", "-f", pom.toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + partial));
        LOG.infof("Resolving the Kafka broker classpath once (cached in %s)", cache);
        Process maven = new ProcessBuilder(command)
                .directory(projectRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(mavenLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        try {
            if (!maven.waitFor(RESOLVE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IOException("Resolving the Kafka broker classpath timed out; see " + mavenLog);
            }
            if (maven.exitValue() != 0 || Files.size(partial) == 0) {
                throw new IOException("Resolving the Kafka broker classpath failed (" + String.join(" ", command)
                        + "):\n" + LocalProcesses.tail(mavenLog, 40));
            }
            Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The Maven Wrapper of the project (or of an enclosing multi-module build); plain {@code mvn} as a last resort. */
    private static String mavenExecutable(Path projectRoot) {
        String wrapperName = isWindows() ? "mvnw.cmd" : "mvnw";
        for (Path directory = projectRoot; directory != null; directory = directory.getParent()) {
            Path wrapper = directory.resolve(wrapperName);
            if (Files.isRegularFile(wrapper)) {
                return wrapper.toString();
            }
        }
        LOG.warnf("No %s found above %s, resolving the Kafka broker classpath with mvn from the PATH", wrapperName, projectRoot);
        return isWindows() ? "mvn.cmd" : "mvn";
    }

    /**
     * Where {@link BrokerProcessMain} was loaded from: {@code target/classes} in dev mode and tests.
     * Derived from the class file's URL rather than the protection domain, which Quarkus class loaders
     * do not always fill in.
     */
    static Path ownClassesLocation() {
        String resource = BrokerProcessMain.class.getName().replace('.', '/') + ".class";
        URL url = BrokerProcessMain.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Cannot locate " + resource);
        }
        try {
            String spec = url.toString();
            if ("jar".equals(url.getProtocol())) {
                return Path.of(URI.create(spec.substring("jar:".length(), spec.indexOf("!/"))));
            }
            if ("file".equals(url.getProtocol())) {
                return Path.of(URI.create(spec.substring(0, spec.length() - resource.length())));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot turn " + url + " into a classpath entry", e);
        }
        throw new IllegalStateException("Cannot turn " + url + " into a classpath entry for the broker JVM");
    }

    private static File nullDevice() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
