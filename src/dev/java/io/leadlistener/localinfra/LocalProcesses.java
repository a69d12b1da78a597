package io.leadlistener.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Process, port and file chores shared by the launcher and the shutdown path.
 *
 * <p>Everything here works from process ids and paths alone, never from {@link Process} objects: the
 * servers must be stoppable from a shutdown hook, from another class loader after a dev-mode live reload,
 * and from the next JVM after this one was killed.
 */
final class LocalProcesses {

    private LocalProcesses() {
    }

    /** Distinct free loopback ports, all held open until every one is chosen so none is handed out twice. */
    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean awaitPortFree(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isPortFree(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void writePid(Path pidFile, long pid) throws IOException {
        Files.writeString(pidFile, pid + "\n", StandardCharsets.UTF_8);
    }

    static boolean isAlive(OptionalLong pid) {
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The live process behind a pid file, if its command line (when the OS tells) still contains
     * {@code expectedCommandPart}: a pid file left by a killed run may name a pid reused since.
     */
    static Optional<ProcessHandle> liveProcess(Path pidFile, String expectedCommandPart) {
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .map(commandLine -> commandLine.contains(expectedCommandPart))
                        .orElse(true));
    }

    /** SIGTERM, then SIGKILL if the process is still there after {@code grace}. */
    static void terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
    }

    /**
     * SIGINT, which PostgreSQL takes as a "fast" shutdown: unlike SIGTERM ("smart") it does not wait for
     * clients to disconnect, and the application's pool may still hold connections while the JVM exits.
     * Java cannot send SIGINT itself, hence {@code kill}; SIGTERM is the fallback where that fails.
     */
    static void interrupt(ProcessHandle process, Duration grace) {
        boolean signalled = false;
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            signalled = kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            // No kill command (e.g. Windows): fall through to SIGTERM.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!signalled) {
            process.destroy();
        }
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Plain recursion over JDK types on purpose: the shutdown hook may run this after a dev-mode live
     * reload closed the class loader that defined us, so the stop path must not need any class of ours
     * that was not loaded already (a {@code FileVisitor} subclass would be one).
     */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            } catch (NoSuchFileException e) {
                return;
            }
        }
        Files.deleteIfExists(path);
    }

    /** The last lines of a log file, to put the cause into an exception message. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing useful to do: the port was only probed.
            }
        }
    }
}
