package io.leadlistener.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One addition to an hourly counter. */
public record StatsCounter(Key key, long value) {

    /** A counter's identity within a tenant's hour; ordered, so rows are always locked in the same order. */
    public record Key(StatsMeasure measure, StatsDimension dimension, String key) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.measure.column())
                .thenComparing(k -> k.dimension.column()).thenComparing(Key::key);

        public Key {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** One of a thing counted in total only. */
    public static StatsCounter one(StatsMeasure measure) {
        return new StatsCounter(new Key(measure, StatsDimension.TOTAL, ""), 1);
    }

    /** One of a thing under each of these keys (each counted once however often it is listed). */
    public static List<StatsCounter> oneUnderEach(StatsMeasure measure, StatsDimension dimension, List<String> keys) {
        return keys.stream().distinct().map(key -> new StatsCounter(new Key(measure, dimension, key), 1)).toList();
    }

    /**
     * One of a thing, counted in total, under each of its intents and under its pool and channel (a null pool or
     * channel is counted in the total only).
     */
    public static List<StatsCounter> oneOf(StatsMeasure measure, List<String> intents, String pool, String channel) {
        List<StatsCounter> counters = new ArrayList<>();
        counters.add(new StatsCounter(new Key(measure, StatsDimension.TOTAL, ""), 1));
        intents.stream().distinct()
                .forEach(intent -> counters.add(new StatsCounter(new Key(measure, StatsDimension.INTENT, intent), 1)));
        if (pool != null) {
            counters.add(new StatsCounter(new Key(measure, StatsDimension.POOL, pool), 1));
        }
        if (channel != null) {
            counters.add(new StatsCounter(new Key(measure, StatsDimension.CHANNEL, channel), 1));
        }
        return counters;
    }
}
