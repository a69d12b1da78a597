package io.leadlistener.common;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three gauges of a queue-like table (inbox, outbox): {@code <prefix>.pending},
 * {@code <prefix>.oldest.pending.age.seconds} and {@code <prefix>.parked}. Set from a scheduled read, so a
 * Prometheus scrape never queries PostgreSQL.
 */
public final class BacklogGauges {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public BacklogGauges(MeterRegistry registry, String prefix) {
        registry.gauge(prefix + ".pending", pending);
        registry.gauge(prefix + ".oldest.pending.age.seconds", oldestPendingAgeSeconds);
        registry.gauge(prefix + ".parked", parked);
    }

    public void set(long pendingRows, long oldestAgeSeconds, long parkedRows) {
        pending.set(pendingRows);
        oldestPendingAgeSeconds.set(oldestAgeSeconds);
        parked.set(parkedRows);
    }
}
