package io.leadlistener.load;

import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase, per role — the target JVM (service or bare endpoint), this run's
 * PostgreSQL, this run's Kafka broker and this generator — as {@link ProcessTreeCpu} measures it from
 * {@code /proc/<pid>/stat}. This is what "what dominates" means on a machine where all of them share two cores. (The
 * machine-wide counters of {@code /proc/stat} are not used: on this tickless VM they miss most of the time of a
 * lightly loaded phase.)
 */
final class CpuShares {

    private CpuShares() {
    }


    static final String TARGET = "target";
    static final String POSTGRES = "PostgreSQL";
    static final String BROKER = "broker";
    static final String GENERATOR = "generator";

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
}
