package io.leadlistener.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Stops token guessing at the admin API, the ingestion API and the console's sign-in: after
 * {@code leadlistener.admin.failed-sign-ins.max-per-window} failures in a window from one client address (or, for a
 * wrong CSRF token, by one credential), every further attempt from there is answered 429 with {@code Retry-After}
 * until the window ends — a right token too, or a guesser could tell a hit from the answer. WeCom callbacks are
 * signed and never pass through here. Counts live in this replica's memory: with N replicas an address gets at most
 * N times the limit.
 */
@ApplicationScoped
public class FailedSignIns {

    /** Where a failure happened, as the metric's {@code door} label. */
    public enum Door {
        ADMIN_API, INGESTION_API, CONSOLE_LOGIN;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger LOG = Logger.getLogger(FailedSignIns.class);

    /** Failures counted from the first one of a window. */
    private record Window(Instant start, int failures) {
    }

    private final int maxPerWindow;
    private final Duration window;
    private final int maxTracked;
    private final Clock clock;
    private final Map<Door, Counter> failureCounters = new EnumMap<>(Door.class);
    private final Map<Door, Counter> throttledCounters = new EnumMap<>(Door.class);
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public FailedSignIns(AdminConfig config, MeterRegistry registry) {
        this(config.failedSignIns().maxPerWindow(), config.failedSignIns().window(),
                config.failedSignIns().maxTracked(), registry, Clock.systemUTC());
    }

    FailedSignIns(int maxPerWindow, Duration window, int maxTracked, MeterRegistry registry, Clock clock) {
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.maxTracked = maxTracked;
        this.clock = clock;
        for (Door door : Door.values()) {
            // At 0 from start-up, so rate() and alerts work before the first failure.
            failureCounters.put(door, Counter.builder("leadlistener.auth.failures").tag("door", door.label())
                    .description("Failed sign-ins: wrong bearer tokens, forged sessions, wrong CSRF tokens")
                    .register(registry));
            throttledCounters.put(door, Counter.builder("leadlistener.auth.throttled").tag("door", door.label())
                    .description("Attempts answered 429 after too many failed sign-ins").register(registry));
        }
    }

    /**
     * The client's address as the HTTP layer sees it: behind a proxy or ingress, only with
     * {@code quarkus.http.proxy.proxy-address-forwarding} and trusted proxies configured is it the client's own
     * (docs/operations.md) — otherwise every client shares the proxy's address, and its limit.
     */
    public static String addressOf(io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.net.SocketAddress address = request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    /** @return how long the address must still wait, if it used up its failures; counts the refused attempt */
    public Optional<Duration> throttled(Door door, String clientAddress) {
        return throttledKey(door, "address:" + clientAddress);
    }

    /** As {@link #throttled(Door, String)}, for a credential whose session keeps presenting a wrong CSRF token. */
    public Optional<Duration> throttledCredential(Door door, String credentialName) {
        return throttledKey(door, "credential:" + credentialName);
    }

    public void failed(Door door, String clientAddress) {
        count(door, "address:" + clientAddress);
    }

    public void failedByCredential(Door door, String credentialName) {
        count(door, "credential:" + credentialName);
    }

    private Optional<Duration> throttledKey(Door door, String key) {
        Window current = windows.get(key);
        if (current == null || current.failures() < maxPerWindow) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.start().plus(window));
        if (left.isNegative() || left.isZero()) {
            windows.remove(key, current);
            return Optional.empty();
        }
        throttledCounters.get(door).increment();
        return Optional.of(left);
    }

    private void count(Door door, String key) {
        failureCounters.get(door).increment();
        Instant now = clock.instant();
        if (!windows.containsKey(key) && windows.size() >= maxTracked) {
            windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().start().plus(window)));
            if (windows.size() >= maxTracked) {
                LOG.warnf("Failed sign-ins from more than %d addresses and credentials within %s; not tracking more "
                        + "until some windows end", maxTracked, window);
                return;
            }
        }
        Window after = windows.compute(key, (k, before) -> before == null || !now.isBefore(before.start().plus(window))
                ? new Window(now, 1) : new Window(before.start(), before.failures() + 1));
        if (after.failures() == maxPerWindow) {
            LOG.warnf("Failed sign-ins: %s reached %d failures at the %s; further attempts wait until %s", key,
                    maxPerWindow, door.label(), after.start().plus(window));
        }
    }
}
