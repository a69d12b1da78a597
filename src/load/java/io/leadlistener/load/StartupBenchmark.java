package io.leadlistener.load;

import io.leadlistener.localinfra.LocalInfraEndpoints;
import io.leadlistener.localinfra.LocalInfraSettings;
import io.leadlistener.localinfra.LocalInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 24's start-up benchmark ({@code -Dload.mode=startup}): the packaged app with the image's JVM options against
 * its own PostgreSQL and Kafka. A first start migrates the schema and is not counted (a rollout starts on a migrated
 * database); then {@code load.starts} starts are timed from process start to {@code GET /q/health/ready} on the
 * management port answering 200 — what a readiness probe waits for.
 *
 * <p>With {@code load.burst} seconds (0 skips it) a further start is loaded the moment it is ready: a closed loop of
 * {@code load.connections} clients for that long, and the CPU of the machine's four roles (service, PostgreSQL, broker,
 * generator) counted from the first request until the inbox and outbox are empty again, per callback acknowledged.
 * The same JVM then gets an unmeasured burst to warm up and a measured one: the ratio cold / warm is what a pod that
 * scales up under load costs extra. Results: docs/benchmarks.md, "Start-up (issue 24)".
 */
final class StartupBenchmark {

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    /** USER_HZ, the unit of {@code /proc/<pid>/stat}'s CPU times. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final LoadSettings settings;
    private final Path projectRoot;
    private final Path runDirectory;
    private final Path appJar;
    private final int starts = Integer.getInteger("load.starts", 5);
    private final Duration burst = Duration.ofSeconds(Long.getLong("load.burst", 30));
    /**
     * Other JVM options to compare with, start for start ({@code load.compareJvmArgs}; empty: none): the starts
     * alternate A ({@code load.jvmArgs}), B (these), so that both see the same machine — on a shared machine the
     * spread between runs minutes apart is larger than most effects of an option.
     */
    private final List<String> compareJvmArgs = Arrays.stream(System.getProperty("load.compareJvmArgs", "").trim()
            .split("\\s+")).filter(arg -> !arg.isEmpty()).toList();

    /**
     * @param jitSeconds CPU of the JIT compiler threads to ready (HotSpot names them {@code C1/C2 CompilerThre…})
     * @param c2Seconds of it, C2's
     * @param gcSeconds CPU of the garbage collector to ready (the serial collector runs in the {@code VM Thread})
     */
    record Start(int number, String options, long readyMillis, String quarkusSeconds, double cpuSeconds, double jitSeconds,
                 double c2Seconds, double gcSeconds, long rssMib, String loadAverage) {
    }

    record Burst(String label, long acked, double achievedRate, long drainMillis, CpuShares.Usage cpu, long maxRssMib,
                 String loadAverage) {
        double machineMillisPerCallback() {
            return cpu.allMillisPer(acked);
        }
    }

    StartupBenchmark(LoadSettings settings, Path projectRoot, Path runDirectory, Path appJar) {
        this.settings = settings;
        this.projectRoot = projectRoot;
        this.runDirectory = runDirectory;
        this.appJar = appJar;
    }

    void run() throws Exception {
        String machine = LoadHarness.machine();
        LoadHarness.log("machine: " + machine);
        LoadHarness.log("load average before start: " + LoadHarness.loadAverage());
        LocalInfraSettings infra = new LocalInfraSettings(projectRoot,
                "startup-" + UUID.randomUUID().toString().substring(0, 8), 0, 0, 0, true);
        List<Start> timed = new ArrayList<>();
        List<Burst> bursts = new ArrayList<>();
        try {
            LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(infra);
            Start migrating = timeStart(endpoints, 0, "A", settings.jvmArgs());
            LoadHarness.log("first start (migrations, not counted): " + migrating.readyMillis() + " ms");
            int number = 0;
            for (int i = 1; i <= starts; i++) {
                for (String options : compareJvmArgs.isEmpty() ? List.of("A") : List.of("A", "B")) {
                    Start start = timeStart(endpoints, ++number, options,
                            options.equals("A") ? settings.jvmArgs() : compareJvmArgs);
                    LoadHarness.log(String.format(Locale.ROOT, "start %d (%s): ready in %d ms (Quarkus: %s s),"
                                    + " %.2f CPU s (JIT %.2f of which C2 %.2f, GC %.2f), RSS %d MiB, load %s", number,
                            options, start.readyMillis(), start.quarkusSeconds(), start.cpuSeconds(),
                            start.jitSeconds(), start.c2Seconds(), start.gcSeconds(), start.rssMib(),
                            start.loadAverage()));
                    timed.add(start);
                }
            }
            if (!burst.isZero()) {
                bursts.addAll(bursts(endpoints, infra.workDirectory()));
            }
        } finally {
            LocalInfrastructure.stop(infra);
        }
        String report = report(machine, timed, bursts);
        Files.writeString(runDirectory.resolve("report.md"), report);
        System.out.println();
        System.out.println(report);
    }

    private ChildJvm startApp(LocalInfraEndpoints endpoints, String label, List<String> options)
            throws IOException {
        List<String> jvmArgs = new ArrayList<>(options);
        if (settings.jfr()) {
            jvmArgs.add("-XX:StartFlightRecording=filename=" + runDirectory.resolve(label + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        return ChildJvm.start("service", appJar, jvmArgs,
                LoadHarness.serviceEnvironment(endpoints, UUID.randomUUID().toString()), LoadHarness.freePort(),
                LoadHarness.freePort(), runDirectory.resolve(label + ".log"));
    }

    private Start timeStart(LocalInfraEndpoints endpoints, int number, String options, List<String> jvmArgs)
            throws Exception {
        String loadAverage = LoadHarness.loadAverage();
        long started = System.nanoTime();
        try (ChildJvm app = startApp(endpoints, "start-" + number, jvmArgs)) {
            awaitReady(app);
            long readyMillis = (System.nanoTime() - started) / 1_000_000;
            double cpuSeconds = cpuSeconds(Path.of("/proc", Long.toString(app.pid())));
            double jitSeconds = threadCpuSeconds(app.pid(), " CompilerThre");
            double c2Seconds = threadCpuSeconds(app.pid(), "C2 CompilerThre");
            double gcSeconds = threadCpuSeconds(app.pid(), "VM Thread");
            long rssMib = app.rssKib() / 1024;
            return new Start(number, options, readyMillis, quarkusStarted(runDirectory.resolve("start-" + number + ".log")),
                    cpuSeconds, jitSeconds, c2Seconds, gcSeconds, rssMib, loadAverage);
        }
    }

    /**
     * Like {@link ChildJvm#awaitReady}, but polling every 10 ms instead of 200 ms: the figure measured is a few
     * seconds, and the poll's granularity would be a tenth of it.
     */
    private static void awaitReady(ChildJvm app) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (app.rssKib() < 0) {
                throw new IllegalStateException("the service exited before it was ready; see its log");
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service was not ready after 120 s");
    }

    private List<Burst> bursts(LocalInfraEndpoints endpoints, Path infraWorkDirectory) throws Exception {
        List<Burst> measured = new ArrayList<>();
        try (ChildJvm app = startApp(endpoints, "burst", settings.jvmArgs());
                Backlog backlog = new Backlog(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
                CallbackTarget service = CallbackTarget.wecomCallbacks("service", app.port,
                        settings.connections())) {
            awaitReady(app);
            Map<String, Long> roots = ProcessTreeCpu.roots(app.pid(), infraWorkDirectory);
            measured.add(burst("cold (from ready)", app, roots, service, backlog));
            burst("warm-up", app, roots, service, backlog);
            measured.add(burst("warm", app, roots, service, backlog));
        }
        return measured;
    }

    private Burst burst(String label, ChildJvm app, Map<String, Long> roots, CallbackTarget target, Backlog backlog)
            throws Exception {
        LoadHarness.log("burst " + label + ": closed " + settings.connections() + " conn × " + burst.toSeconds()
                + " s, CPU counted until the inbox and outbox are empty ...");
        String loadStart = LoadHarness.loadAverage();
        PhaseRecorder recorder = new PhaseRecorder(label);
        try (RssSampler rss = new RssSampler(app)) {
            ProcessTreeCpu cpu = new ProcessTreeCpu(roots);
            new ClosedLoopLoad(target, null, new CallbackFactory(CallbackFactory.MANY_CONTACTS))
                    .run(recorder, settings.connections(), burst, new PreparedRequest[0]);
            long sendEnd = System.nanoTime();
            long deadline = sendEnd + settings.drainTimeout().toNanos();
            while (backlog.read().pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long drainMillis = (System.nanoTime() - sendEnd) / 1_000_000;
            Burst result = new Burst(label, recorder.ok.get(), recorder.achievedRate(), drainMillis, cpu.finish(),
                    rss.max() / 1024, loadStart + " → " + LoadHarness.loadAverage());
            LoadHarness.log(String.format(Locale.ROOT, "  %d acked (%.0f/s), drained %d ms after the last send,"
                            + " %.3f ms machine CPU per callback, max RSS %d MiB, %s", result.acked(),
                    result.achievedRate(), drainMillis, result.machineMillisPerCallback(), result.maxRssMib(),
                    result.cpu().coresUsed("service")));
            if (recorder.failed.get() > 0) {
                LoadHarness.log("  " + recorder.failed.get() + " refused, first: " + recorder.firstFailure);
            }
            return result;
        }
    }

    private String report(String machine, List<Start> timed, List<Burst> bursts) {
        StringBuilder out = new StringBuilder();
        out.append("# Start-up (issue 24), run ").append(runDirectory.getFileName()).append(" UTC\n\n")
                .append(machine).append('\n')
                .append("Service JVM options (A): `").append(String.join(" ", settings.jvmArgs())).append("`\n")
                .append(compareJvmArgs.isEmpty() ? "" : "Compared with (B), start for start: `"
                        + String.join(" ", compareJvmArgs) + "`\n")
                .append('\n')
                .append("Start to ready: process start → `GET /q/health/ready` (management port) answers 200, on a"
                        + " migrated schema (the first, migrating start is not counted).\n\n")
                .append("| start | options | ready | Quarkus \"started in\" | CPU to ready | of it JIT threads | of these C2 |"
                        + " of it GC | RSS at ready | load avg |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Start s : timed) {
            out.append(String.format(Locale.ROOT,
                    "| %d | %s | %d ms | %s s | %.2f s | %.2f s | %.2f s | %.2f s | %d MiB | %s |%n", s.number(),
                    s.options(),
                    s.readyMillis(), s.quarkusSeconds(), s.cpuSeconds(), s.jitSeconds(), s.c2Seconds(),
                    s.gcSeconds(), s.rssMib(), s.loadAverage()));
        }
        for (String options : List.of("A", "B")) {
            long[] ready = timed.stream().filter(s -> s.options().equals(options)).mapToLong(Start::readyMillis)
                    .sorted().toArray();
            double[] cpu = timed.stream().filter(s -> s.options().equals(options)).mapToDouble(Start::cpuSeconds)
                    .sorted().toArray();
            if (ready.length > 0) {
                out.append(String.format(Locale.ROOT, "%nStart to ready (%s) over %d starts: median **%d ms**,"
                                + " min %d ms, max %d ms; CPU to ready median %.2f s, min %.2f s, max %.2f s%n",
                        options, ready.length, median(ready), ready[0], ready[ready.length - 1],
                        cpu.length % 2 == 1 ? cpu[cpu.length / 2]
                                : (cpu[cpu.length / 2 - 1] + cpu[cpu.length / 2]) / 2,
                        cpu[0], cpu[cpu.length - 1]));
            }
        }
        if (!bursts.isEmpty()) {
            out.append("\nBurst of ").append(settings.connections()).append(" closed-loop connections × ")
                    .append(burst.toSeconds()).append(" s; CPU from the first request until the inbox and outbox are"
                            + " empty, per callback acknowledged:\n\n")
                    .append("| burst | acked | acked/s | drained after | machine CPU per callback | service |"
                            + " PostgreSQL | broker | generator | max RSS | load avg |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Burst b : bursts) {
                var seconds = b.cpu().seconds();
                out.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.1f s | %.3f ms | %.3f ms | %.3f ms |"
                                + " %.3f ms | %.3f ms | %d MiB | %s |%n", b.label(), b.acked(), b.achievedRate(),
                        b.drainMillis() / 1000.0, b.machineMillisPerCallback(),
                        perCallback(seconds.get(CpuShares.TARGET), b.acked()),
                        perCallback(seconds.get(CpuShares.POSTGRES), b.acked()),
                        perCallback(seconds.get(CpuShares.BROKER), b.acked()),
                        perCallback(seconds.get(CpuShares.GENERATOR), b.acked()), b.maxRssMib(), b.loadAverage()));
            }
            if (bursts.size() == 2) {
                Burst cold = bursts.get(0);
                Burst warm = bursts.get(1);
                // The generator is this JVM, itself cold in the first burst; an outside check's generator is not.
                out.append(String.format(Locale.ROOT, "%nCold / warm machine CPU per callback: **%.2f×**; without the"
                                + " generator %.2f×; the service alone %.2f×%n",
                        cold.machineMillisPerCallback() / warm.machineMillisPerCallback(),
                        withoutGenerator(cold) / withoutGenerator(warm),
                        perCallback(cold.cpu().seconds().get(CpuShares.TARGET), cold.acked())
                                / perCallback(warm.cpu().seconds().get(CpuShares.TARGET), warm.acked())));
            }
        }
        return out.toString();
    }

    private static double withoutGenerator(Burst burst) {
        return perCallback(burst.cpu().totalSeconds() - burst.cpu().seconds().get(CpuShares.GENERATOR),
                burst.acked());
    }

    private static double perCallback(double cpuSeconds, long callbacks) {
        return callbacks == 0 ? 0 : cpuSeconds * 1000 / callbacks;
    }

    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Quarkus's own "started in" figure from the service's log: the part of start to ready after the JVM's boot. */
    private static String quarkusStarted(Path log) {
        try {
            Matcher started = QUARKUS_STARTED.matcher(Files.readString(log));
            return started.find() ? started.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU seconds of the process's threads whose name contains {@code name} ({@code comm}: at most 15 characters). */
    private static double threadCpuSeconds(long pid, String name) {
        double sum = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains(name)) {
                        sum += cpuSeconds(thread);
                    }
                } catch (IOException e) {
                    // thread ended
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return sum;
    }

    /**
     * User + system CPU seconds of a process or thread so far (fields 14 and 15 of {@code /proc/<pid>/stat} or
     * {@code /proc/<pid>/task/<tid>/stat}).
     */
    private static double cpuSeconds(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
