package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.localinfra.LocalInfraEndpoints;
import io.leadlistener.localinfra.LocalInfraSettings;
import io.leadlistener.localinfra.LocalInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The load harness (issues 5 and 7): starts a durable PostgreSQL (fsync on) and a Kafka broker, the packaged
 * service and, for the ratio, a bare Quarkus endpoint — all as local child processes on free ports — sends
 * correctly signed WeCom callbacks at constant rates, follows every one of them to its Kafka record, and stops
 * everything again. Command and results: docs/benchmarks.md, section "Callback → Kafka (load harness)".
 *
 * <p>Alert mode ({@code -Dload.mode=alerts}, issue 18) starts a fake WeCom API inside the harness instead of the bare
 * endpoint, sends owned messages through the ingestion API and follows each to its alert: docs/benchmarks.md,
 * section "Message → WeCom alert (load harness)". Tag mode ({@code -Dload.mode=tags}, issue 19) does the same with
 * the first line of new external customers and follows each to its corporate tag mark: section "New customer's first
 * line → corporate tag marked (load harness)".
 */
public final class LoadHarness {

    private static final String TOPIC = "crm.lead-events";
    /** Closed loops draw from this many callbacks per second of the phase, signed in advance (then sign their own). */
    private static final int PRESIGNED_PER_SECOND = 4_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadSettings settings;
    private final Path projectRoot;
    private final Path runDirectory;
    private final CallbackFactory callbacks = new CallbackFactory(CallbackFactory.MANY_CONTACTS);
    /** The local servers' instance name, unique per run (CPU is counted for this run's servers only). */
    private final String infraInstance = "load-" + UUID.randomUUID().toString().substring(0, 8);
    private Path infraWorkDirectory;
    /** The service's answer to "anything left to do?", once it is up. */
    private WellnessBacklog wellness;
    /** Kafka mode with a cold burst: how long the timed restart took from process start to ready. */
    private Duration startToReady;
    private final List<PhaseResult> results = new ArrayList<>();
    private Backlog backlog;
    /** Alert and tag modes: the measured phase's time per stage, from the service's timestamps. */
    private String messageStages = "";

    private LoadHarness(LoadSettings settings, Path projectRoot, Path runDirectory) {
        this.settings = settings;
        this.projectRoot = projectRoot;
        this.runDirectory = runDirectory;
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.kafka").setLevel(Level.WARNING);
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Path projectRoot = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path runDirectory = projectRoot.resolve("target/load/runs")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(runDirectory);
        startWatchdog(settings.maxRuntime());
        new LoadHarness(settings, projectRoot, runDirectory).run();
        System.exit(0);
    }

    /** Bounded in time whatever hangs: the exit runs the shutdown hooks that stop every server we started. */
    private static void startWatchdog(Duration maxRuntime) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(maxRuntime.toMillis());
                System.err.println("Load harness: " + maxRuntime + " passed (load.maxRuntime); stopping everything");
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void run() throws Exception {
        Path appJar = projectRoot.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(appJar + " is missing: run ./mvnw -B package -DskipTests first");
        }
        if (settings.mode() == LoadSettings.Mode.LEADS_READ) {
            List<String> jvmArgs = new ArrayList<>(settings.jvmArgs());
            if (settings.jfr()) {
                jvmArgs.add("-XX:StartFlightRecording=filename=" + runDirectory.resolve("service.jfr")
                        + ",settings=profile,dumponexit=true");
            }
            new LeadsReadBenchmark(projectRoot, runDirectory, appJar, jvmArgs).run();
            return;
        }
        if (settings.mode() == LoadSettings.Mode.STARTUP) {
            new StartupBenchmark(settings, projectRoot, runDirectory, appJar).run();
            return;
        }
        boolean actsInWeCom = settings.mode().actsInWeCom();
        // load.bareDuration=0 leaves the bare endpoint out altogether (a run about the service's cost only).
        boolean barePhases = !actsInWeCom && !settings.bareDuration().isZero();
        Path bareJar = barePhases ? ensureBareEndpoint() : null;
        String machine = machine();
        log("machine: " + machine.replace('\n', ' '));
        log("load average before start: " + loadAverage());

        if (settings.pgStatements()) {
            System.setProperty(LocalInfraSettings.TRACK_STATEMENTS_PROPERTY, "true");
        }
        LocalInfraSettings infra = new LocalInfraSettings(projectRoot, infraInstance, 0, 0, 0, true);
        infraWorkDirectory = infra.workDirectory();
        ChildJvm app = null;
        FakeWeComActions wecom = null;
        String postgresSettings;
        try {
            LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(infra);
            log("PostgreSQL " + endpoints.jdbcUrl() + ", Kafka " + endpoints.kafkaBootstrapServers());
            String adminToken = UUID.randomUUID().toString();
            String ingestionToken = UUID.randomUUID().toString();
            Map<String, String> environment = serviceEnvironment(endpoints, adminToken);
            if (actsInWeCom) {
                wecom = FakeWeComActions.start(settings.mode());
                environment.putAll(actionEnvironment(wecom, ingestionToken));
                log("fake WeCom API on " + wecom.baseUrl());
            }
            List<String> appJvmArgs = new ArrayList<>(settings.jvmArgs());
            if (settings.jfr()) {
                appJvmArgs.add("-XX:StartFlightRecording=filename=" + runDirectory.resolve("service.jfr")
                        + ",settings=profile,dumponexit=true");
            }
            app = ChildJvm.start("service", appJar, appJvmArgs, environment, freePort(), freePort(),
                    runDirectory.resolve("service.log"));
            app.awaitReady(Duration.ofSeconds(120));
            wellness = new WellnessBacklog(app.managementPort);
            log("service ready on 127.0.0.1:" + app.port + ", management 127.0.0.1:" + app.managementPort + " (pid "
                    + app.pid() + ", " + String.join(" ", appJvmArgs) + ")");
            backlog = new Backlog(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
            postgresSettings = "PostgreSQL " + backlog.setting("server_version") + ", fsync=" + backlog.setting("fsync")
                    + ", synchronous_commit=" + backlog.setting("synchronous_commit");
            log(postgresSettings);
            requireEveryTextTagged(app.port, adminToken,
                    actsInWeCom ? IngestedMessageFactory.TEXTS : CallbackFactory.TEXTS);

            if (actsInWeCom) {
                runActionPhases(app, endpoints, wecom, ingestionToken);
            } else {
                ChildJvm[] current = {app};
                try {
                    runKafkaPhases(current, endpoints, appJvmArgs, environment);
                } finally {
                    app = current[0];
                }
            }
            app.close();
            app = null;
            if (barePhases) {
                runBarePhases(bareJar);
            }
        } finally {
            if (app != null) {
                app.close();
            }
            if (wecom != null) {
                wecom.close();
            }
            if (backlog != null) {
                backlog.close();
            }
            if (settings.pgStatements()) {
                // PostgreSQL's log holds auto_explain's plans of slow statements; the instance's files go with it.
                Path postgresLog = infra.workDirectory().resolve("postgres.log");
                if (Files.isRegularFile(postgresLog)) {
                    Files.copy(postgresLog, runDirectory.resolve("postgres.log"));
                }
            }
            LocalInfrastructure.stop(infra);
        }

        String header = "Run " + runDirectory.getFileName() + " UTC. " + machine + "\n" + postgresSettings
                + "; Kafka 4.4.0 (KRaft, one broker, child JVM -Xmx256m); child JVMs: " + String.join(" ",
                settings.jvmArgs()) + (settings.jfr() ? " + JFR (settings=profile) on the service" : "") + ".\n";
        String report = actsInWeCom ? LoadReport.renderActions(header, results, settings.mode()) + "\n"
                + actionVerdict(wecom)
                : LoadReport.render(header, results) + "\n" + verdicts();
        Files.writeString(runDirectory.resolve("report.md"), report);
        System.out.println();
        System.out.println(report);
        log("report: " + runDirectory.resolve("report.md") + ", service log and flight recording in " + runDirectory);
    }

    /**
     * Issues 5, 7 and 24: signed WeCom callbacks, each followed to its Kafka record.
     *
     * @param current the running service; replaced when the cold burst restarts it
     */
    private void runKafkaPhases(ChildJvm[] current, LocalInfraEndpoints endpoints, List<String> appJvmArgs,
                                Map<String, String> environment) throws Exception {
        try (LeadEventsWatcher watcher = new LeadEventsWatcher(endpoints.kafkaBootstrapServers(), TOPIC)) {
            watcher.awaitAssignment(Duration.ofSeconds(60));
            if (!settings.coldBurst().isZero()) {
                current[0] = restartTimed(current[0], appJvmArgs, environment);
                try (CallbackTarget cold = CallbackTarget.wecomCallbacks("service", current[0].port,
                        maxConnections())) {
                    results.add(closedLoop("service", current[0], cold, watcher, callbacks, settings.coldBurst(),
                            String.format(java.util.Locale.ROOT, "cold (right after ready, %.1f s start)",
                                    startToReady.toMillis() / 1000.0)));
                }
            }
            runWarmKafkaPhases(current[0], watcher);
            awaitEveryArrival(watcher);
        }
    }

    /**
     * Issue 24's cold pod: the service stopped and started again on the migrated database, timed from the process's
     * start until {@code /q/health/ready} answers 200, then loaded at once.
     */
    private ChildJvm restartTimed(ChildJvm running, List<String> appJvmArgs, Map<String, String> environment)
            throws Exception {
        int port = running.port;
        int managementPort = running.managementPort;
        running.close();
        long started = System.nanoTime();
        ChildJvm restarted = ChildJvm.start("service", projectRoot.resolve("target/quarkus-app/quarkus-run.jar"),
                appJvmArgs, environment, port, managementPort, runDirectory.resolve("service-restarted.log"));
        restarted.awaitReady(Duration.ofSeconds(120), Duration.ofMillis(20));
        startToReady = Duration.ofNanos(System.nanoTime() - started);
        log(String.format(java.util.Locale.ROOT, "service restarted: ready %.2f s after the process started (pid %d)",
                startToReady.toMillis() / 1000.0, restarted.pid()));
        return restarted;
    }

    private void runWarmKafkaPhases(ChildJvm app, LeadEventsWatcher watcher) throws Exception {
        try (CallbackTarget service = CallbackTarget.wecomCallbacks("service", app.port, maxConnections())) {
            if (!settings.warmup().isZero()) {
                PhaseResult warmup = openLoop("service", app, service, watcher, callbacks::prepare,
                        settings.warmupRate(), settings.warmup(), "warm-up");
                log("warm-up done (not reported): " + summary(warmup));
            }
            for (int rate : settings.rates()) {
                String backlogAtStart = settle(watcher);
                results.add(openLoop("service", app, service, watcher, callbacks::prepare, rate, settings.duration(),
                        "open" + backlogAtStart));
            }
            for (int rate : settings.stepRates()) {
                String backlogAtStart = settle(watcher);
                PhaseResult step = openLoop("service", app, service, watcher, callbacks::prepare, rate,
                        settings.stepDuration(), "step" + backlogAtStart);
                results.add(step);
                if (!step.sustained()) {
                    log("service no longer keeps up at " + rate + "/s: step-up ends");
                    break;
                }
            }
            if (!settings.closedDuration().isZero()) {
                settle(watcher);
                results.add(closedLoop("service", app, service, watcher, callbacks, settings.closedDuration(),
                        "closed"));
            }
            if (!settings.burstDuration().isZero()) {
                settle(watcher);
                results.add(closedLoop("service", app, service, watcher,
                        new CallbackFactory(settings.burstContacts()), settings.burstDuration(),
                        "burst (" + settings.burstContacts() + " contacts)"));
            }
        }
    }

    /** The ratio's other side: the bare endpoint, loaded by the same generator after the service has stopped. */
    private void runBarePhases(Path bareJar) throws Exception {
        try (ChildJvm bare = ChildJvm.start("bare", bareJar, settings.jvmArgs(), Map.of(), freePort(), freePort(),
                runDirectory.resolve("bare.log"));
                CallbackTarget bareTarget = CallbackTarget.wecomCallbacks("bare", bare.port, maxConnections())) {
            bare.awaitHttp("POST", CallbackFactory.PATH, status -> status == 200, Duration.ofSeconds(60));
            log("bare endpoint ready on 127.0.0.1:" + bare.port + " (pid " + bare.pid() + ")");
            // The same warm-up as the service got, so neither is measured cold.
            openLoop("bare", bare, bareTarget, null, callbacks::prepare, settings.warmupRate(), settings.warmup(),
                    "warm-up");
            if (!settings.bareDuration().isZero()) {
                results.add(openLoop("bare", bare, bareTarget, null, callbacks::prepare, settings.bareRate(),
                        settings.bareDuration(), "open"));
            }
            if (!settings.closedDuration().isZero()) {
                results.add(closedLoop("bare", bare, bareTarget, null, callbacks, settings.closedDuration(),
                        "closed"));
            }
        }
    }

    /**
     * Issues 18 and 19: messages through the ingestion API — the path that names the owner — each followed to its
     * alert (alert mode) or its customer's tag mark (tag mode) at the fake WeCom API. The warm-up runs at the measured
     * rate, so the JIT has compiled the action path (composing, the action worker, the WeCom client) before anything
     * is measured.
     */
    private void runActionPhases(ChildJvm app, LocalInfraEndpoints endpoints, FakeWeComActions wecom,
                                 String ingestionToken) throws Exception {
        LoadSettings.Mode mode = settings.mode();
        IngestedMessageFactory messages = new IngestedMessageFactory(settings.alertOwners(), mode.contactKind);
        try (CallbackTarget service = CallbackTarget.ingestion(app.port, maxConnections(), ingestionToken);
                MessageStages stages = new MessageStages(endpoints.jdbcUrl(), endpoints.username(),
                        endpoints.password())) {
            if (!settings.warmup().isZero()) {
                PhaseResult warmup = openLoop("service", app, service, wecom, messages::prepare, settings.alertRate(),
                        settings.warmup(), "warm-up");
                log("warm-up done (not reported): " + summary(warmup));
            }
            String backlogAtStart = settle(wecom);
            Instant phaseStart = Instant.now();
            results.add(openLoop("service", app, service, wecom, messages::prepare, settings.alertRate(),
                    settings.alertDuration(), mode.name().toLowerCase(java.util.Locale.ROOT) + backlogAtStart));
            awaitEveryArrival(wecom);
            messageStages = stages.since(phaseStart, mode.actionTypes);
            log("where the time went: " + messageStages);
        }
    }

    /** CPU of this run's own processes from now on: the target JVM, and this run's PostgreSQL and broker trees. */
    private ProcessTreeCpu cpuOf(ChildJvm jvm) throws IOException {
        return new ProcessTreeCpu(ProcessTreeCpu.roots(jvm.pid(), infraWorkDirectory));
    }

    /** Enough connections for either kind of phase: the closed loop's clients or the open loop's bound on requests. */
    private int maxConnections() {
        return Math.max(settings.connections(), settings.maxInFlight());
    }

    private PhaseResult openLoop(String targetLabel, ChildJvm jvm, CallbackTarget target, ArrivalWatcher watcher,
                                 IntFunction<PreparedRequest[]> requests, int rate, Duration duration, String kind)
            throws Exception {
        String load = kind.replaceFirst("^(\\S+)", "$1 " + rate + "/s × " + duration.toSeconds() + " s");
        PreparedRequest[] prepared = requests.apply(Math.toIntExact(rate * duration.toSeconds()));
        PhaseRecorder recorder = new PhaseRecorder(targetLabel + " " + load);
        log(targetLabel + ": " + load + " ...");
        String loadStart = loadAverage();
        boolean profiled = settings.pgStatements() && watcher != null;
        if (profiled) {
            backlog.resetStatementProfile();
        }
        try (RssSampler rss = new RssSampler(jvm)) {
            ProcessTreeCpu cpu = cpuOf(jvm);
            new OpenLoopLoad(target, watcher, settings.maxInFlight()).run(recorder, prepared, rate);
            PhaseResult result = finish(targetLabel, load, rate, recorder, watcher, rss, cpu, loadStart);
            if (profiled) {
                writeStatementProfile(kind, rate, load, recorder);
            }
            log("  " + summary(result));
            return result;
        }
    }

    /**
     * Saturation by {@code load.connections} clients for {@code duration}: unique signed callbacks from
     * {@code factory}, whose contact count sets how deep each contact's backlog gets.
     */
    private PhaseResult closedLoop(String targetLabel, ChildJvm jvm, CallbackTarget target, ArrivalWatcher watcher,
                                   CallbackFactory factory, Duration duration, String kind) throws Exception {
        String load = kind.replaceFirst("^(\\S+)", "$1 " + settings.connections() + " conn × "
                + duration.toSeconds() + " s");
        PhaseRecorder recorder = new PhaseRecorder(targetLabel + " " + load);
        log(targetLabel + ": " + load + " ...");
        String loadStart = loadAverage();
        // Signed before the clock starts, as the open loop's are: the generator's CPU while measured is sending only.
        PreparedRequest[] presigned = factory.prepare(Math.toIntExact(PRESIGNED_PER_SECOND * duration.toSeconds()));
        boolean profiled = settings.pgStatements() && watcher != null;
        if (profiled) {
            backlog.resetStatementProfile();
        }
        try (RssSampler rss = new RssSampler(jvm)) {
            ProcessTreeCpu cpu = cpuOf(jvm);
            new ClosedLoopLoad(target, watcher, factory).run(recorder, settings.connections(), duration, presigned);
            PhaseResult result = finish(targetLabel, load, 0, recorder, watcher, rss, cpu, loadStart);
            if (profiled) {
                writeStatementProfile(kind, 0, load, recorder);
            }
            log("  " + summary(result));
            return result;
        }
    }

    /**
     * PostgreSQL's time per statement since the phase began, per accepted request, next to the report: in
     * {@code pg-statements-<kind>[-<rate>].txt} (rate 0 for a closed loop).
     */
    private void writeStatementProfile(String kind, int rate, String load, PhaseRecorder recorder) throws Exception {
        String name = kind.replaceAll("\\W.*", "") + (rate > 0 ? "-" + rate : "");
        Path profile = runDirectory.resolve("pg-statements-" + name + ".txt");
        Files.writeString(profile, load + "\n" + backlog.statementProfile(recorder.ok.get()));
        log("  PostgreSQL's time per statement: " + profile);
    }

    /**
     * After the last response: what is still owed, then wait for the arrivals and count what never came. The CPU is
     * read twice: when sending ends, and once every arrival was seen and the service's wellness checks report an
     * empty inbox and outbox (issue 24's "until drained").
     */
    private PhaseResult finish(String targetLabel, String load, int rate, PhaseRecorder recorder,
                               ArrivalWatcher watcher, RssSampler rss, ProcessTreeCpu cpu, String loadStart)
            throws Exception {
        CpuShares.Usage whileSending = cpu.finish();
        if (watcher == null) {
            return new PhaseResult(targetLabel, load, rate, recorder, 0, null, Duration.ZERO, false, null, rss.max(),
                    whileSending, loadStart + " → " + loadAverage(), null, Duration.ZERO);
        }
        long unseen = recorder.unseen.size();
        Backlog.Counts atEnd = backlog.read();
        long drainStart = System.nanoTime();
        long deadline = drainStart + settings.drainTimeout().toNanos();
        while (!recorder.unseen.isEmpty() && System.nanoTime() < deadline) {
            watcher.checkHealthy();
            Thread.sleep(20);
        }
        Duration drained = Duration.ofNanos(System.nanoTime() - drainStart);
        boolean timedOut = !recorder.unseen.isEmpty();
        if (!timedOut && !wellness.awaitEmpty(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                Duration.ofMillis(100))) {
            log("  the wellness checks still report work after the drain timeout: " + wellness.read());
        }
        CpuShares.Usage untilDrained = cpu.finish();
        return new PhaseResult(targetLabel, load, rate, recorder, unseen, atEnd, drained, timedOut, backlog.read(),
                rss.max(), whileSending, loadStart + " → " + loadAverage(), untilDrained,
                Duration.ofMillis(Math.round(untilDrained.wallSeconds() * 1000)));
    }

    /**
     * A measured phase starts on an empty backlog, else it measures the previous phase's leftovers: waits (up to
     * {@code load.settleTimeout}) until PostgreSQL holds no pending inbox row, outbox event or WeCom action.
     *
     * @return "" when settled, else a note for the phase's label
     */
    private String settle(ArrivalWatcher watcher) throws InterruptedException {
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        Backlog.Counts counts = backlog.read();
        while (counts.pending() > 0 && System.nanoTime() < deadline) {
            watcher.checkHealthy();
            Thread.sleep(200);
            counts = backlog.read();
        }
        if (counts.pending() == 0) {
            return "";
        }
        log("backlog did not drain before the next phase: " + counts);
        return String.format(java.util.Locale.ROOT, " (started on %,d pending rows)", counts.pending());
    }

    /** Final drain: whatever is still unseen after this is lost. */
    private void awaitEveryArrival(ArrivalWatcher watcher) throws InterruptedException {
        long deadline = System.nanoTime() + settings.drainTimeout().multipliedBy(3).toNanos();
        while (results.stream().anyMatch(r -> r.lost() > 0) && System.nanoTime() < deadline) {
            watcher.checkHealthy();
            Thread.sleep(100);
        }
        log("final drain done: " + results.stream().mapToLong(PhaseResult::lost).sum() + " accepted requests never"
                + " arrived (" + settings.mode().arrival + "); " + backlog.read() + "; " + watcher.tally());
    }

    private String summary(PhaseResult r) {
        PhaseRecorder p = r.recorder();
        String arrival = settings.mode().arrival;
        return String.format(java.util.Locale.ROOT,
                "%s: sent %d, ok %d, refused %d, %.0f/s, ack p50 %s p99 %s max %s, " + arrival
                        + " p50 %s p99 %s max %s, "
                        + "unseen at end %d, backlog at end %s, drained in %d ms, still unseen %d, max send lag %d ms,"
                        + " RSS %d MiB, load %s, cores used: %s",
                r.load(), p.sent.get(), p.ok.get(), p.failed.get(), p.achievedRate(), LoadReport.ms(p.ack, 50),
                LoadReport.ms(p.ack, 99), LoadReport.max(p.ack), LoadReport.ms(p.endToEnd, 50),
                LoadReport.ms(p.endToEnd, 99), LoadReport.max(p.endToEnd), r.unseenAtSendEnd(), r.backlogAtSendEnd(),
                r.drained().toMillis(), r.lost(), TimeUnit.NANOSECONDS.toMillis(p.maxSendLagNanos.get()), r.maxRssKib() / 1024,
                r.loadAverage(), r.cpu().coresUsed(r.target()));
    }

    private String verdicts() {
        StringBuilder out = new StringBuilder();
        PhaseResult bareClosed = find("bare", "closed");
        PhaseResult serviceClosed = find("service", "closed");
        int sustained = results.stream().filter(r -> r.target().equals("service") && r.offeredRate() > 0
                && r.sustained()).mapToInt(PhaseResult::offeredRate).max().orElse(0);
        out.append("Highest offered rate the service kept up with (open loop): ").append(sustained).append("/s\n");
        issue24Verdicts(out, sustained);
        if (serviceClosed != null) {
            out.append(String.format(java.util.Locale.ROOT, "Service closed-loop ack throughput: %.0f/s%n",
                    serviceClosed.recorder().achievedRate()));
        }
        if (bareClosed != null) {
            double bare = bareClosed.recorder().achievedRate();
            out.append(String.format(java.util.Locale.ROOT, "Bare endpoint closed-loop throughput: %.0f/s%n", bare));
            out.append(String.format(java.util.Locale.ROOT, "Ratio sustained / bare: %.3f%n", sustained / bare));
            if (serviceClosed != null) {
                out.append(String.format(java.util.Locale.ROOT, "Ratio service ack throughput / bare: %.3f%n",
                        serviceClosed.recorder().achievedRate() / bare));
            }
        }
        return out.toString();
    }

    /** Issue 24's goals, each with the figure it is judged on. */
    private void issue24Verdicts(StringBuilder out, int sustained) {
        PhaseResult closed = find("service", "closed");
        PhaseResult burst = find("service", "burst");
        PhaseResult cold = find("service", "cold");
        PhaseResult at500 = results.stream().filter(r -> r.target().equals("service") && r.offeredRate() == 500
                && r.load().startsWith("open")).findFirst().orElse(null);
        if (closed != null) {
            double perCallback = closed.cpuUntilDrained().allMillisPer(closed.recorder().ok.get());
            out.append(String.format(java.util.Locale.ROOT, "Issue 24: machine CPU per callback, closed loop until"
                            + " drained: %.3f ms (goal ≤ 0.6 ms: %s); acknowledged %.0f/s (goal ≥ 2,500/s: %s)%n",
                    perCallback, perCallback <= 0.6 ? "met" : "NOT met", closed.recorder().achievedRate(),
                    closed.recorder().achievedRate() >= 2500 ? "met" : "NOT met"));
            if (cold != null) {
                double coldPerCallback = cold.cpuUntilDrained().allMillisPer(cold.recorder().ok.get());
                out.append(String.format(java.util.Locale.ROOT, "Issue 24: cold pod: %.3f ms per callback in the"
                                + " burst right after ready = %.1f× the warm closed loop (goal ≤ 2×: %s)%n",
                        coldPerCallback, coldPerCallback / perCallback,
                        coldPerCallback <= 2 * perCallback ? "met" : "NOT met"));
            }
        }
        if (burst != null) {
            out.append(String.format(java.util.Locale.ROOT, "Issue 24: reply burst over %d contacts: %.3f ms per"
                            + " callback until drained, %.1f s from the first request%n", settings.burstContacts(),
                    burst.cpuUntilDrained().allMillisPer(burst.recorder().ok.get()),
                    burst.untilDrained().toMillis() / 1000.0));
        }
        out.append("Issue 24: kept up in the step-up: ").append(sustained).append("/s (goal ≥ 2,500/s: ")
                .append(sustained >= 2500 ? "met" : "NOT met").append(")\n");
        if (at500 != null) {
            long ackP99 = at500.recorder().ack.getValueAtPercentile(99);
            long kafkaP99 = at500.recorder().endToEnd.getValueAtPercentile(99);
            out.append(String.format(java.util.Locale.ROOT, "Issue 24: at 500/s ack p99 %s (goal ≤ 20 ms: %s),"
                            + " → Kafka p99 %s (goal ≤ 50 ms: %s)%n", LoadReport.ms(at500.recorder().ack, 99),
                    ackP99 <= 20_000 ? "met" : "NOT met", LoadReport.ms(at500.recorder().endToEnd, 99),
                    kafkaP99 <= 50_000 ? "met" : "NOT met"));
        }
        if (startToReady != null) {
            out.append(String.format(java.util.Locale.ROOT, "Issue 24: start to ready (migrated database) %.2f s"
                    + " (goal ≤ 3 s: %s)%n", startToReady.toMillis() / 1000.0,
                    startToReady.toMillis() <= 3000 ? "met" : "NOT met"));
        }
        long maxRss = results.stream().filter(r -> r.target().equals("service")).mapToLong(PhaseResult::maxRssKib)
                .max().orElse(-1);
        out.append(String.format(java.util.Locale.ROOT, "Issue 24: max RSS of the service %d MiB (goal ≤ 300 MB"
                + " = 286 MiB: %s)%n", maxRss / 1024, maxRss * 1024 <= 300_000_000L ? "met" : "NOT met"));
        long lost = results.stream().mapToLong(PhaseResult::lost).sum();
        out.append("Lost (accepted callbacks whose MsgId never arrived on Kafka): ").append(lost).append('\n');
    }

    private PhaseResult find(String target, String loadPrefix) {
        return results.stream().filter(r -> r.target().equals(target) && r.load().startsWith(loadPrefix))
                .findFirst().orElse(null);
    }

    /**
     * Alert and tag modes: the demo tenant acts in WeCom against the fake WeCom API — alerts with an app-secret (and
     * the agent-id it has), tags and profiles with a 客户联系 contact-secret (tag mode) — and takes ingested messages
     * with a token of its own (docs/ingestion-api.md).
     */
    private Map<String, String> actionEnvironment(FakeWeComActions wecom, String ingestionToken) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LEADLISTENER_TENANTS__DEMO__APP_SECRET", wecom.appSecret());
        if (settings.mode() == LoadSettings.Mode.TAGS) {
            environment.put("LEADLISTENER_TENANTS__DEMO__CONTACT_SECRET", wecom.contactSecret());
        }
        environment.put("LEADLISTENER_TENANTS__DEMO__API_BASE_URL", wecom.baseUrl());
        environment.put("LEADLISTENER_TENANTS__DEMO__INGESTION_TOKENS__LOAD", ingestionToken);
        return environment;
    }

    /** The action modes' verdict: the issue's target, and whether every arrival came exactly once. */
    private String actionVerdict(FakeWeComActions wecom) {
        LoadSettings.Mode mode = settings.mode();
        StringBuilder out = new StringBuilder();
        for (PhaseResult r : results) {
            out.append(String.format(java.util.Locale.ROOT, "%s: message → %s p99 %s against a target of %d s: %s;"
                            + " %d lost%n", r.load(), mode.arrival, LoadReport.ms(r.recorder().endToEnd, 99),
                    mode.p99Target.toSeconds(), LoadReport.targetMet(r, mode) ? "met" : "NOT met", r.lost()));
        }
        out.append("Where the time went (measured phase): ").append(messageStages).append('\n');
        out.append("Fake WeCom API: ").append(wecom.tally()).append('\n');
        return out.toString();
    }

    static Map<String, String> serviceEnvironment(LocalInfraEndpoints endpoints, String adminToken) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", endpoints.username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        environment.put("LEADLISTENER_TENANTS__DEMO__CORP_ID", CallbackFactory.CORP_ID);
        environment.put("LEADLISTENER_TENANTS__DEMO__TOKEN", CallbackFactory.TOKEN);
        environment.put("LEADLISTENER_TENANTS__DEMO__ENCODING_AES_KEY", CallbackFactory.AES_KEY);
        environment.put("LEADLISTENER_TENANTS__DEMO__AGENT_ID", CallbackFactory.AGENT_ID);
        environment.put("LEADLISTENER_ADMIN_CREDENTIALS__LOAD__TOKEN", adminToken);
        environment.put("LEADLISTENER_ADMIN_CREDENTIALS__LOAD__ROLE", "admin");
        return environment;
    }

    /** Zero loss is only checkable if every message must produce an event (or alert): ask the service's dry run. */
    private static void requireEveryTextTagged(int port, String adminToken, List<String> texts) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String text : texts) {
            String body = JSON.writeValueAsString(Map.of("text", text, "tenant", "demo"));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/intents/test"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode intents = response.statusCode() == 200 ? JSON.readTree(response.body()).path("intents") : null;
            if (intents == null || !intents.isArray() || intents.isEmpty()) {
                throw new IllegalStateException("load text \"" + text + "\" is not tagged by the service: "
                        + response.statusCode() + " " + response.body());
            }
        }
    }

    /**
     * Built from src/load/bare-endpoint with the Maven Wrapper (~20 s), then reused while it is newer than its inputs:
     * its own sources and, since it compiles the service's HTTP filters and reads the service's configuration, the
     * service's src/main (any change there rebuilds it: coarse, but it cannot run with stale filters).
     */
    private Path ensureBareEndpoint() throws IOException, InterruptedException {
        Path jar = projectRoot.resolve("target/load/bare-endpoint/quarkus-app/quarkus-run.jar");
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).toMillis() >= newestModification(
                projectRoot.resolve("src/load/bare-endpoint"), projectRoot.resolve("src/main/java"),
                projectRoot.resolve("src/main/resources"))) {
            return jar;
        }
        log("building the bare endpoint (src/load/bare-endpoint) ...");
        Process maven = new ProcessBuilder(projectRoot.resolve("mvnw").toString(), "-B", "-q", "-f",
                "src/load/bare-endpoint/pom.xml", "package", "-DskipTests")
                .directory(projectRoot.toFile()).inheritIO().start();
        if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.isRegularFile(jar)) {
            maven.destroyForcibly();
            throw new IllegalStateException("could not build the bare endpoint: mvnw -f src/load/bare-endpoint/pom.xml");
        }
        return jar;
    }

    private static long newestModification(Path... roots) throws IOException {
        long newest = 0;
        for (Path root : roots) {
            try (var files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                }
            }
        }
        return newest;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("?");
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), " + memory
                + "; JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ").";
    }

    static void log(String line) {
        System.out.println("[load " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC)
                .format(Instant.now()).substring(0, 8) + "] " + line);
    }
}
