package io.leadlistener.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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
        register(registry, prefix + ".pending", Tags.empty(), pending);
        register(registry, prefix + ".oldest.pending.age.seconds", Tags.empty(), oldestPendingAgeSeconds);
        register(registry, prefix + ".parked", Tags.empty(), parked);
    }

    /**
     * Registers a gauge that reads {@code value}, held strongly, replacing a gauge of the same name and tags. A registry
     * that outlives one instance of the application (the tests restart it in one JVM) would otherwise keep reading
     * the first instance's value — weakly referenced, so once collected the gauge reads NaN and is not exported.
     */
    public static AtomicLong register(MeterRegistry registry, String name, Tags tags, AtomicLong value) {
        Gauge existing = registry.find(name).tags(tags).gauge();
        if (existing != null) {
            registry.remove(existing);
        }
        Gauge.builder(name, value, AtomicLong::get).tags(tags).strongReference(true).register(registry);
        return value;
    }

    public void set(long pendingRows, long oldestAgeSeconds, long parkedRows) {
        pending.set(pendingRows);
        oldestPendingAgeSeconds.set(oldestAgeSeconds);
        parked.set(parkedRows);
    }
}
