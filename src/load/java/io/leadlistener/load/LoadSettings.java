package io.leadlistener.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The run's parameters, from {@code -Dload.*} system properties (the Maven profile passes them through).
 *
 * @param mode {@code kafka}: WeCom callbacks → Kafka (issues 5 and 7); {@code alerts}: message → WeCom alert at a
 *     fake WeCom API (issue 18); {@code tags}: a new external customer's first tagged line → corporate tag marked at
 *     that fake (issue 19). Both action modes use {@code warmup}, the {@code alert*} settings and the timeouts only
 * @param rates steady open-loop phases against the service, callbacks per second (issue 5: 200 and 500)
 * @param duration length of each steady phase
 * @param warmup open-loop warm-up at {@code warmupRate} before anything is measured (JIT, pools, leads)
 * @param stepRates saturation step-up against the service; stops after the first step that does not keep up
 * @param stepDuration length of each step
 * @param closedDuration closed-loop saturation of the service and of the bare endpoint, each
 * @param connections clients of the closed-loop phases
 * @param maxInFlight bound on open requests (and connections) of an open-loop phase
 * @param bareRate open-loop rate against the bare endpoint, for its ack latency next to the service's
 * @param jvmArgs options of both child JVMs (service and bare endpoint), so they run alike
 * @param jfr record a flight recording (settings=profile) of the service for the whole run
 * @param drainTimeout how long after a phase's last send to wait for its Kafka records before counting loss
 * @param settleTimeout how long a measured phase waits for the previous phases' backlog to drain before it starts
 * @param maxRuntime hard bound on the whole run; everything is stopped when it passes
 * @param alertRate alert and tag modes: messages per second, in the warm-up and the measured phase
 * @param alertDuration alert and tag modes: length of the measured phase
 * @param alertOwners alert and tag modes: salespeople the customers are spread over
 * @param coldBurst kafka mode, issue 24's cold pod: the service is restarted on the migrated database, timed to
 *     ready, and loaded at once by a closed loop this long (0: no restart)
 * @param burstDuration kafka mode, issue 24's reply burst: a closed loop this long with callbacks from only
 *     {@code burstContacts} contacts, so each contact's backlog gets deep (0: none)
 * @param burstContacts the burst's contacts (the other phases spread over {@link CallbackFactory#MANY_CONTACTS})
 * @param pgStatements have PostgreSQL count time per statement (pg_stat_statements) and write each closed-loop
 *     phase's profile next to the report
 */
record LoadSettings(
        Mode mode,
        List<Integer> rates,
        Duration duration,
        Duration warmup,
        int warmupRate,
        List<Integer> stepRates,
        Duration stepDuration,
        Duration closedDuration,
        int connections,
        int maxInFlight,
        int bareRate,
        Duration bareDuration,
        List<String> jvmArgs,
        boolean jfr,
        Duration drainTimeout,
        Duration settleTimeout,
        Duration maxRuntime,
        int alertRate,
        Duration alertDuration,
        int alertOwners,
        Duration coldBurst,
        Duration burstDuration,
        int burstContacts,
        boolean pgStatements) {

    /**
     * What a run follows each request to. The two action modes send owned messages through the ingestion API and
     * wait for one WeCom call per message at the fake WeCom API.
     */
    enum Mode {
        KAFKA("Kafka record", null, Duration.ZERO),
        /** Issue 18: an owned message → its owner's alert ({@code message/send}); target p99 ≤ 2 s. */
        ALERTS("alert", IngestedMessageFactory.KIND_API, Duration.ofSeconds(2), "alert"),
        /**
         * Issue 19: a new external customer's first tagged line → the corporate tag marked ({@code mark_tag}); the
         * same message also makes a profile fetch and an alert, carried out by the same action worker. Target p99 ≤
         * 3 s.
         */
        TAGS("tag mark", IngestedMessageFactory.KIND_EXTERNAL, Duration.ofSeconds(3), "tag", "profile", "alert"),
        /**
         * Issue 22: no load — 100 k leads and 1 M tagged messages seeded in PostgreSQL, then the leads API's list,
         * detail and stats timed over HTTP ({@link LeadsReadBenchmark}); target ≤ 200 ms each.
         */
        LEADS_READ("leads API answer", null, Duration.ofMillis(200)),
        /**
         * Issue 24: start to ready of the packaged app on a migrated schema, {@code load.starts} times, and CPU per
         * callback of a burst right after ready against a warm one ({@link StartupBenchmark}); target ≤ 3 s.
         */
        STARTUP("ready", null, Duration.ofSeconds(3));

        /** What arrives at the end of a request's path, for the report. */
        final String arrival;
        /** The ingestion API's contact kind of the messages sent. */
        final String contactKind;
        /** The target for the end-to-end p99. */
        final Duration p99Target;
        /**
         * The service's {@code wecom_action.type}s a message makes ({@code CustomerTags.TYPE},
         * {@code CustomerProfiles.TYPE}, {@code LeadAlerts.TYPE}), the one that ends its path first.
         */
        final List<String> actionTypes;

        Mode(String arrival, String contactKind, Duration p99Target, String... actionTypes) {
            this.arrival = arrival;
            this.contactKind = contactKind;
            this.p99Target = p99Target;
            this.actionTypes = List.of(actionTypes);
        }

        /** Whether the run follows messages to a WeCom call at the fake WeCom API (alerts or tags). */
        boolean actsInWeCom() {
            return this == ALERTS || this == TAGS;
        }
    }

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                Mode.valueOf(System.getProperty("load.mode", "kafka").trim().toUpperCase(Locale.ROOT)),
                ints("load.rates", "200,500"),
                seconds("load.duration", 60),
                seconds("load.warmup", 60),
                Integer.getInteger("load.warmupRate", 200),
                ints("load.stepRates", "100,200,400,600,800,1000,1200,1500,2000,2500,3000,3500"),
                seconds("load.stepDuration", 20),
                seconds("load.closedDuration", 20),
                Integer.getInteger("load.connections", 32),
                Integer.getInteger("load.maxInFlight", 256),
                Integer.getInteger("load.bareRate", 500),
                seconds("load.bareDuration", 30),
                Arrays.stream(System.getProperty("load.jvmArgs", "-Xmx96m").trim().split("\\s+"))
                        .filter(arg -> !arg.isEmpty()).toList(),
                Boolean.parseBoolean(System.getProperty("load.jfr", "false")),
                seconds("load.drainTimeout", 60),
                seconds("load.settleTimeout", 300),
                seconds("load.maxRuntime", 1800),
                Integer.getInteger("load.alertRate", 100),
                seconds("load.alertDuration", 60),
                Integer.getInteger("load.alertOwners", 400),
                seconds("load.coldBurst", 30),
                seconds("load.burstDuration", 20),
                Integer.getInteger("load.burstContacts", 500),
                Boolean.parseBoolean(System.getProperty("load.pgStatements", "false")));
    }

    private static Duration seconds(String key, long defaultSeconds) {
        String value = System.getProperty(key, "").trim();
        return Duration.ofSeconds(value.isEmpty() ? defaultSeconds : Long.parseLong(value.replaceAll("s$", "")));
    }

    private static List<Integer> ints(String key, String defaults) {
        String value = System.getProperty(key, defaults).trim();
        if (value.isEmpty() || value.equals("none")) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
