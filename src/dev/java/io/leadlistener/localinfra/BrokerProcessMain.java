package io.leadlistener.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Main class of the Kafka broker child JVM: formats the KRaft log directories if needed, then runs
 * {@code kafka.Kafka}, and exits as soon as its standard input reaches end-of-file.
 *
 * <p>The parent keeps the write end of our stdin open and never writes to it. When the parent dies,
 * even by SIGKILL, the kernel closes that pipe, we read EOF and shut the broker down, so no orphan keeps
 * the Kafka ports busy.
 *
 * <p>Kafka is called by reflection: the broker runs Kafka 4.4 from its own classpath, while the
 * application compiles against the Kafka client version the Quarkus BOM pins.
 *
 * <p>Usage: {@code BrokerProcessMain <server.properties>}
 */
public final class BrokerProcessMain {

    /** Bounds a broker shutdown that hangs, so the child can never outlive its parent for long. */
    private static final long SHUTDOWN_GRACE_MILLIS = 30_000;

    private BrokerProcessMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length != 1) {
            System.err.println("Usage: " + BrokerProcessMain.class.getName() + " <server.properties>");
            System.exit(2);
        }
        String serverProperties = args[0];
        exitWhenStdinCloses(System.in);
        formatStorage(serverProperties);
        try {
            invokeMain("kafka.Kafka", new String[] {serverProperties});
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenStdinCloses(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            try {
                byte[] ignored = new byte[256];
                while (stdin.read(ignored) != -1) {
                    // The parent never writes; anything that arrives is discarded.
                }
            } catch (IOException e) {
                // A broken pipe means the same as EOF: the parent is gone.
            }
            System.err.println("[BrokerProcessMain] stdin closed: parent is gone, shutting the broker down");
            haltIfShutdownHangs();
            // Runs Kafka's own shutdown hook, i.e. a clean broker shutdown.
            System.exit(0);
        }, "parent-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void haltIfShutdownHangs() {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("[BrokerProcessMain] broker shutdown took too long, halting");
            Runtime.getRuntime().halt(1);
        }, "shutdown-halter");
        halter.setDaemon(true);
        halter.start();
    }

    /**
     * Same as {@code kafka-storage.sh format --ignore-formatted}, but in this JVM: {@code StorageTool.execute}
     * returns instead of calling {@code System.exit}, which saves a second JVM start (several seconds on a small
     * machine). The cluster id is kept next to the properties, so a restarted broker (fault tests) finds its own
     * formatted data instead of refusing it as another cluster's.
     */
    private static void formatStorage(String serverProperties) throws Throwable {
        java.nio.file.Path clusterIdFile = java.nio.file.Path.of(serverProperties).resolveSibling("cluster.id");
        String clusterId;
        if (java.nio.file.Files.exists(clusterIdFile)) {
            clusterId = java.nio.file.Files.readString(clusterIdFile).strip();
        } else {
            Class<?> uuidClass = Class.forName("org.apache.kafka.common.Uuid");
            clusterId = uuidClass.getMethod("randomUuid").invoke(null).toString();
            java.nio.file.Files.writeString(clusterIdFile, clusterId);
        }
        String[] formatArgs = {"format", "--ignore-formatted", "-t", clusterId, "-c", serverProperties};
        Method execute = Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, java.io.PrintStream.class);
        int exitCode;
        try {
            exitCode = (Integer) execute.invoke(null, formatArgs, System.out);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (exitCode != 0) {
            System.err.println("[BrokerProcessMain] kafka storage format failed with exit code " + exitCode);
            System.exit(exitCode);
        }
    }

    private static void invokeMain(String className, String[] args) throws ReflectiveOperationException {
        Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
