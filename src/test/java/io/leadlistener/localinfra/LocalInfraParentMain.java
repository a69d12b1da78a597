package io.leadlistener.localinfra;

import java.nio.file.Path;

/**
 * Stand-in for a dev-mode JVM in {@link KilledJvmCleanupTest}: starts an instance, reports the server
 * pids on stdout, then waits to be killed.
 *
 * <p>Usage: {@code LocalInfraParentMain <projectRoot> <instanceName>}
 */
public final class LocalInfraParentMain {

    static final String READY_PREFIX = "READY ";

    private LocalInfraParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalInfraSettings settings = new LocalInfraSettings(Path.of(args[0]), args[1], 0, 0, 0, false);
        LocalInfrastructure.startOrReuse(settings);
        System.out.println(READY_PREFIX + LocalInfrastructure.brokerPid(settings).orElseThrow()
                + " " + LocalInfrastructure.postmasterPid(settings).orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
