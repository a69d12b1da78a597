package io.leadlistener.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU of this run's own processes only, by role: the service JVM, this run's PostgreSQL (its postmaster and every
 * backend below it), this run's broker and the generator (this JVM). Each role is a process tree found from its root,
 * so another run's processes on the same machine (a second harness, a test suite) never count.
 *
 * <p>Each process counts its own time and the time of the children it has reaped ({@code cutime}, {@code cstime}):
 * a PostgreSQL backend or autovacuum worker that ends during the phase moves its time to the postmaster instead of
 * disappearing.
 */
final class ProcessTreeCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> roots;
    private final Map<String, Long> startTicks;
    private final long startNanos = System.nanoTime();

    /** @param roots the root process of each role, in the order the report shows them */
    ProcessTreeCpu(Map<String, Long> roots) {
        this.roots = roots;
        this.startTicks = ticksByRole();
    }

    /**
     * The roles of a run of the harness: {@code service}, {@code PostgreSQL} (postmaster from its
     * {@code postmaster.pid}), {@code broker} (the JVM whose command line names this run's work directory) and
     * {@code generator}.
     */
    static Map<String, Long> roots(long servicePid, Path infraWorkDirectory) throws IOException {
        Map<String, Long> roots = new LinkedHashMap<>();
        roots.put(CpuShares.TARGET, servicePid);
        roots.put(CpuShares.POSTGRES, Long.parseLong(Files.readAllLines(
                infraWorkDirectory.resolve("postgres").resolve("postmaster.pid")).get(0).trim()));
        roots.put(CpuShares.BROKER, brokerPid(infraWorkDirectory.toAbsolutePath().toString()));
        roots.put(CpuShares.GENERATOR, ProcessHandle.current().pid());
        return roots;
    }

    private static long brokerPid(String workDirectory) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> {
                        try {
                            String command = Files.readString(path.resolve("cmdline")).replace('\0', ' ');
                            return command.contains("BrokerProcessMain") && command.contains(workDirectory);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(path -> Long.parseLong(path.getFileName().toString()))
                    .findFirst().orElseThrow(() -> new IOException("no broker process for " + workDirectory));
        }
    }

    CpuShares.Usage finish() {
        Map<String, Long> end = ticksByRole();
        Map<String, Double> seconds = new LinkedHashMap<>();
        roots.keySet().forEach(role -> seconds.put(role,
                Math.max(0, end.getOrDefault(role, 0L) - startTicks.getOrDefault(role, 0L)) / TICKS_PER_SECOND));
        return new CpuShares.Usage(seconds, (System.nanoTime() - startNanos) / 1e9);
    }

    private Map<String, Long> ticksByRole() {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(path -> {
                        String[] fields = statFields(path);
                        if (fields != null) {
                            long pid = Long.parseLong(path.getFileName().toString());
                            // after the command: state, ppid, ..., utime (14th field) at index 11
                            children.computeIfAbsent(Long.parseLong(fields[1]), parent -> new ArrayList<>()).add(pid);
                            ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
                        }
                    });
        } catch (IOException e) {
            // no /proc: the report shows zeros
        }
        Map<String, Long> byRole = new LinkedHashMap<>();
        roots.forEach((role, root) -> byRole.put(role, treeTicks(root, children, ticks)));
        return byRole;
    }

    /** A root's own ticks and its descendants', except those under another root (the generator starts the rest). */
    private long treeTicks(long pid, Map<Long, List<Long>> children, Map<Long, Long> ticks) {
        long sum = ticks.getOrDefault(pid, 0L);
        for (long child : children.getOrDefault(pid, List.of())) {
            if (!roots.containsValue(child)) {
                sum += treeTicks(child, children, ticks);
            }
        }
        return sum;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command's closing parenthesis; null once it is gone. */
    private static String[] statFields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
