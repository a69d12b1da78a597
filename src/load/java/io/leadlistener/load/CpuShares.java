package io.leadlistener.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase, per role: the target JVM (service or bare endpoint), PostgreSQL (every
 * {@code postgres} process of this run's server), this run's Kafka broker and this generator. Read from {@code /proc/<pid>/stat} (user + system
 * time of each live process) at the start and the end of the phase. This is what "what dominates" means on a machine
 * where all of them share two cores. (The machine-wide counters of {@code /proc/stat} are not used: on this tickless
 * VM they miss most of the time of a lightly loaded phase.)
 */
final class CpuShares {

    /** USER_HZ: the unit of the tick counters in {@code /proc}; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    static final String TARGET = "target";
    static final String POSTGRES = "PostgreSQL";
    static final String BROKER = "broker";
    static final String GENERATOR = "generator";

    private final long targetPid;
    private final long generatorPid = ProcessHandle.current().pid();
    /**
     * This run's local servers' instance name: it is in the postmaster's data directory and the broker's config path,
     * so another run's servers on the same machine (a second harness, a test suite) are not counted as ours.
     */
    private final String instanceName;
    private final Map<String, Long> startTicks;
    private final long startNanos = System.nanoTime();

    CpuShares(long targetPid, String instanceName) {
        this.targetPid = targetPid;
        this.instanceName = instanceName;
        this.startTicks = ticksByRole();
    }

    /** CPU seconds per role since construction. */
    Usage finish() {
        Map<String, Long> end = ticksByRole();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String role : new String[] {TARGET, POSTGRES, BROKER, GENERATOR}) {
            long used = Math.max(0, end.getOrDefault(role, 0L) - startTicks.getOrDefault(role, 0L));
            seconds.put(role, used / TICKS_PER_SECOND);
        }
        return new Usage(seconds, (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * @param seconds CPU seconds per role, in the order target, PostgreSQL, broker, generator
     * @param wallSeconds how long the phase took
     */
    record Usage(Map<String, Double> seconds, double wallSeconds) {

        double totalSeconds() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** e.g. {@code service 0.62 · PostgreSQL 0.41 · broker 0.20 · generator 0.35 = 1.58 cores}. */
        String coresUsed(String targetLabel) {
            StringBuilder out = new StringBuilder();
            seconds.forEach((role, used) -> out.append(out.isEmpty() ? "" : " · ")
                    .append(role.equals(TARGET) ? targetLabel : role)
                    .append(String.format(Locale.ROOT, " %.2f", used / wallSeconds)));
            return out.append(String.format(Locale.ROOT, " = %.2f cores", totalSeconds() / wallSeconds)).toString();
        }

        /** CPU milliseconds of the target per accepted callback. */
        double targetMillisPer(long callbacks) {
            return callbacks == 0 ? 0 : seconds.get(TARGET) * 1000 / callbacks;
        }

        /** CPU milliseconds of all four per accepted callback. */
        double allMillisPer(long callbacks) {
            return callbacks == 0 ? 0 : totalSeconds() * 1000 / callbacks;
        }
    }

    private Map<String, Long> ticksByRole() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<Long, String> roles = new LinkedHashMap<>();
        Map<Long, Long> parents = new LinkedHashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(path -> {
                        long pid = Long.parseLong(path.getFileName().toString());
                        String[] stat = statFields(path);
                        if (stat == null) {
                            return;
                        }
                        parents.put(pid, Long.parseLong(stat[1]));
                        String role = role(pid, path);
                        if (role != null) {
                            roles.put(pid, role);
                        }
                        ticks.merge("pid:" + pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]), Long::sum);
                    });
        } catch (IOException e) {
            // no /proc: the report shows zeros
        }
        Map<String, Long> byRole = new LinkedHashMap<>();
        parents.forEach((pid, parent) -> {
            // A PostgreSQL backend is a child of its postmaster, whose command line names our data directory.
            String role = roles.getOrDefault(pid, POSTGRES.equals(roles.get(parent)) && isPostgres(pid)
                    ? POSTGRES : null);
            if (role != null) {
                byRole.merge(role, ticks.getOrDefault("pid:" + pid, 0L), Long::sum);
            }
        });
        return byRole;
    }

    private String role(long pid, Path process) {
        if (pid == targetPid) {
            return TARGET;
        }
        if (pid == generatorPid) {
            return GENERATOR;
        }
        try {
            String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            if (!command.contains(instanceName)) {
                return null;
            }
            if (isPostgres(pid)) {
                return POSTGRES; // the postmaster: "postgres -D <work dir of this instance>/postgres ..."
            }
            if (command.contains("BrokerProcessMain")) { // localinfra's child JVM around kafka.Kafka
                return BROKER;
            }
        } catch (IOException e) {
            // ended meanwhile
        }
        return null;
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** The fields of {@code /proc/<pid>/stat} after the command's closing paren: [1] ppid, [11] utime, [12] stime. */
    private static String[] statFields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
