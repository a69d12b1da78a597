package io.leadlistener.load;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The run as Markdown tables for docs/benchmarks.md. */
final class LoadReport {

    private LoadReport() {
    }

    static String render(String header, List<PhaseResult> results) {
        StringBuilder out = new StringBuilder(header).append('\n');
        out.append("| target | load | accepted/s | ack p50 | ack p90 | ack p99 | ack max | → Kafka p50 | → Kafka p90"
                + " | → Kafka p99 | → Kafka max | sent | refused | lost | behind at end (unseen / inbox+outbox rows)"
                + " | drained in | max RSS | load avg | keeps up |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|\n");
        for (PhaseResult r : results) {
            PhaseRecorder p = r.recorder();
            boolean kafka = r.target().equals("service");
            out.append("| ").append(r.target())
                    .append(" | ").append(r.load())
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", p.achievedRate()))
                    .append(" | ").append(ms(p.ack, 50)).append(" | ").append(ms(p.ack, 90))
                    .append(" | ").append(ms(p.ack, 99)).append(" | ").append(max(p.ack))
                    .append(" | ").append(kafka ? ms(p.endToEnd, 50) : "–")
                    .append(" | ").append(kafka ? ms(p.endToEnd, 90) : "–")
                    .append(" | ").append(kafka ? ms(p.endToEnd, 99) : "–")
                    .append(" | ").append(kafka ? max(p.endToEnd) : "–")
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.sent.get()))
                    .append(" | ").append(p.failed.get())
                    .append(" | ").append(kafka ? Long.toString(r.lost()) : "–")
                    .append(" | ").append(kafka ? String.format(Locale.ROOT, "%,d / %,d", r.unseenAtSendEnd(),
                            r.backlogAtSendEnd().pending()) : "–")
                    .append(" | ").append(!kafka ? "–" : String.format(Locale.ROOT, r.drainTimedOut() ? "> %.0f s"
                            : "%.1f s", r.drained().toMillis() / 1000.0))
                    .append(" | ").append(r.maxRssKib() < 0 ? "–" : (r.maxRssKib() / 1024) + " MiB")
                    .append(" | ").append(r.loadAverage())
                    .append(" | ").append(kafka ? (r.sustained() ? "yes" : "**no**") : "–")
                    .append(" |\n");
            if (p.firstFailure != null) {
                out.append("\n(").append(r.load()).append(": first refusal: ").append(p.firstFailure).append(")\n\n");
            }
        }
        cpuTable(out, results, "callback");
        costTable(out, results, "callback");
        return out.toString();
    }

    /**
     * Alert and tag modes: message (its scheduled send) → the WeCom call that ends its path (the alert, or the tag
     * mark) at the fake WeCom API, with the p99 target and the counts that make "nothing lost" checkable.
     */
    static String renderActions(String header, List<PhaseResult> results, LoadSettings.Mode mode) {
        String to = "→ " + mode.arrival;
        String target = "p99 ≤ " + mode.p99Target.toSeconds() + " s";
        StringBuilder out = new StringBuilder(header).append('\n');
        out.append("| load | sent | accepted (202) | refused | accepted/s | ack p50 | ack p99 | " + to + " p50"
                + " | " + to + " p95 | " + to + " p99 | " + to + " max | arrived | lost | behind at end (not arrived"
                + " / pending rows) | drained in | max RSS | load avg | " + target + " |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|\n");
        for (PhaseResult r : results) {
            PhaseRecorder p = r.recorder();
            out.append("| ").append(r.load())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.sent.get()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.ok.get()))
                    .append(" | ").append(p.failed.get())
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", p.achievedRate()))
                    .append(" | ").append(ms(p.ack, 50)).append(" | ").append(ms(p.ack, 99))
                    .append(" | ").append(ms(p.endToEnd, 50)).append(" | ").append(ms(p.endToEnd, 95))
                    .append(" | ").append(ms(p.endToEnd, 99)).append(" | ").append(max(p.endToEnd))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.seen.get()))
                    .append(" | ").append(r.lost())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d / %,d", r.unseenAtSendEnd(),
                            r.backlogAtSendEnd().pending()))
                    .append(" | ").append(String.format(Locale.ROOT, r.drainTimedOut() ? "> %.0f s" : "%.1f s",
                            r.drained().toMillis() / 1000.0))
                    .append(" | ").append(r.maxRssKib() < 0 ? "–" : (r.maxRssKib() / 1024) + " MiB")
                    .append(" | ").append(r.loadAverage())
                    .append(" | ").append(targetMet(r, mode) ? "yes" : "**no**")
                    .append(" |\n");
            if (p.firstFailure != null) {
                out.append("\n(").append(r.load()).append(": first refusal: ").append(p.firstFailure).append(")\n\n");
            }
        }
        cpuTable(out, results, "message");
        costTable(out, results, "message");
        return out.toString();
    }

    /** The action modes' verdict: nothing lost, and the end-to-end p99 within the target. */
    static boolean targetMet(PhaseResult r, LoadSettings.Mode mode) {
        Histogram endToEnd = r.recorder().endToEnd;
        return r.lost() == 0 && endToEnd.getTotalCount() > 0
                && endToEnd.getValueAtPercentile(99) <= mode.p99Target.toNanos() / 1_000;
    }

    /** Where the CPU went while each phase sent, per role and per accepted request ({@code unit}). */
    private static void cpuTable(StringBuilder out, List<PhaseResult> results, String unit) {
        out.append("\nCPU while sending, in cores of ").append(Runtime.getRuntime().availableProcessors())
                .append(" (user + system time of each process; the drain after sending is not included):\n\n");
        out.append("| target | load | target's CPU per " + unit + " | all four's CPU per " + unit + " | target | PostgreSQL"
                + " | broker | generator | all four |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult r : results) {
            CpuShares.Usage cpu = r.cpu();
            long accepted = r.recorder().ok.get();
            out.append("| ").append(r.target()).append(" | ").append(r.load())
                    .append(String.format(Locale.ROOT, " | %.3f ms | %.3f ms", cpu.targetMillisPer(accepted),
                            cpu.allMillisPer(accepted)));
            cpu.seconds().values().forEach(seconds -> out.append(String.format(Locale.ROOT, " | %.2f",
                    seconds / cpu.wallSeconds())));
            out.append(String.format(Locale.ROOT, " | %.2f |%n", cpu.totalSeconds() / cpu.wallSeconds()));
        }
    }

    /**
     * Issue 24's measure: all the machine's CPU (the four roles) from a phase's first request until the service had
     * nothing left to do — every arrival seen, {@code inbox.pendingRows} and {@code outbox-relay.pendingEvents} 0 —
     * divided by the requests it accepted.
     */
    private static void costTable(StringBuilder out, List<PhaseResult> results, String unit) {
        out.append("\nCost per accepted ").append(unit).append(", end to end: CPU seconds of every role from the first"
                + " request until /q/health/well reported inbox.pendingRows = 0 and outbox-relay.pendingEvents = 0"
                + " (drain included), divided by the accepted requests:\n\n");
        out.append("| load | accepted | accepted/s | first request → drained | all CPU per " + unit + " | service"
                + " | PostgreSQL | broker | generator | lost (unseen ids) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult r : results) {
            CpuShares.Usage cpu = r.cpuUntilDrained();
            if (cpu == null) {
                continue;
            }
            long accepted = r.recorder().ok.get();
            out.append("| ").append(r.load())
                    .append(String.format(Locale.ROOT, " | %,d | %,.0f | %.1f s | **%.3f ms**", accepted,
                            r.recorder().achievedRate(), r.untilDrained().toMillis() / 1000.0,
                            cpu.allMillisPer(accepted)));
            cpu.seconds().values().forEach(seconds -> out.append(String.format(Locale.ROOT, " | %.3f ms",
                    accepted == 0 ? 0 : seconds * 1000 / accepted)));
            out.append(" | ").append(r.lost()).append(r.lost() == 0 ? "" : " (e.g. " + r.someLost() + ")")
                    .append(" |\n");
        }
    }

    static String ms(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return "–";
        }
        return format(histogram.getValueAtPercentile(percentile));
    }

    static String max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? "–" : format(histogram.getMaxValue());
    }

    private static String format(long micros) {
        double millis = micros / 1000.0;
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis)
                : millis < 1000 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
}
