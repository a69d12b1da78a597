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
 * {@code postgres} process), the Kafka broker, this generator, and everything else. Read from {@code /proc} (user +
 * system ticks of each live process, and the machine's busy ticks from {@code /proc/stat}) at the start and the end of
 * the phase. This is what "what dominates" means on a machine where all of them share two cores.
 */
final class CpuShares {

    /** USER_HZ: the unit of the tick counters in {@code /proc}; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    static final String TARGET = "target";
    static final String POSTGRES = "PostgreSQL";
    static final String BROKER = "broker";
    static final String GENERATOR = "generator";
    static final String OTHER = "other";

    private final long targetPid;
    private final long generatorPid = ProcessHandle.current().pid();
    private final Map<String, Long> startTicks;
    private final long startMachineBusy;
    private final long startNanos = System.nanoTime();

    CpuShares(long targetPid) {
        this.targetPid = targetPid;
        this.startTicks = ticksByRole();
        this.startMachineBusy = machineBusyTicks();
    }

    /**
     * CPU seconds per role since construction; {@link #OTHER} is the machine's busy time not spent in the named
     * processes (the kernel's own work, processes that ended during the phase).
     */
    Usage finish() {
        Map<String, Long> end = ticksByRole();
        long machineBusy = machineBusyTicks() - startMachineBusy;
        Map<String, Double> seconds = new LinkedHashMap<>();
        long named = 0;
        for (String role : new String[] {TARGET, POSTGRES, BROKER, GENERATOR}) {
            long used = Math.max(0, end.getOrDefault(role, 0L) - startTicks.getOrDefault(role, 0L));
            named += used;
            seconds.put(role, used / TICKS_PER_SECOND);
        }
        seconds.put(OTHER, Math.max(0, machineBusy - named) / TICKS_PER_SECOND);
        return new Usage(seconds, (System.nanoTime() - startNanos) / 1e9, machineBusy / TICKS_PER_SECOND);
    }

    /**
     * @param seconds CPU seconds per role
     * @param wallSeconds how long the phase took
     * @param machineBusySeconds the machine's busy CPU seconds (all cores) over the phase
     */
    record Usage(Map<String, Double> seconds, double wallSeconds, double machineBusySeconds) {

        /** e.g. {@code service 0.62 · PostgreSQL 0.41 · broker 0.20 · generator 0.35 · other 0.10 of 2 cores}. */
        String coresUsed(String targetLabel) {
            StringBuilder out = new StringBuilder();
            seconds.forEach((role, used) -> out.append(out.isEmpty() ? "" : " · ")
                    .append(role.equals(TARGET) ? targetLabel : role)
                    .append(String.format(Locale.ROOT, " %.2f", used / wallSeconds)));
            return out.append(String.format(Locale.ROOT, " (busy %.2f of %d cores)", machineBusySeconds / wallSeconds,
                    Runtime.getRuntime().availableProcessors())).toString();
        }

        /** CPU milliseconds of the target per accepted callback. */
        double targetMillisPer(long callbacks) {
            return callbacks == 0 ? 0 : seconds.get(TARGET) * 1000 / callbacks;
        }

        /** CPU milliseconds of the whole machine per accepted callback. */
        double machineMillisPer(long callbacks) {
            return callbacks == 0 ? 0 : machineBusySeconds * 1000 / callbacks;
        }
    }

    private Map<String, Long> ticksByRole() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(path -> {
                        long pid = Long.parseLong(path.getFileName().toString());
                        String role = role(pid, path);
                        if (role != null) {
                            ticks.merge(role, cpuTicks(path), Long::sum);
                        }
                    });
        } catch (IOException e) {
            // no /proc: the report shows zeros
        }
        return ticks;
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
            if (command.contains("postgres")
                    && Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                return POSTGRES;
            }
            if (command.contains("BrokerProcessMain")) { // localinfra's child JVM around kafka.Kafka
                return BROKER;
            }
        } catch (IOException e) {
            // ended meanwhile
        }
        return null;
    }

    /** utime + stime, fields 14 and 15 of {@code /proc/<pid>/stat} (counted after the command's closing paren). */
    private static long cpuTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** All cores' non-idle ticks from the first line of {@code /proc/stat}. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
