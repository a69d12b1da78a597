package io.leadlistener.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of a run still owed their arrival, by the key the arrival names (a WeCom MsgId, a customer): what an
 * {@link ArrivalWatcher} keeps whatever it watches (Kafka records, calls at the fake WeCom API).
 */
final class ExpectedArrivals {

    private record Expected(PhaseRecorder phase, long intendedNanos) {
    }

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final AtomicLong unmatched = new AtomicLong();

    void expect(String key, PhaseRecorder phase, long intendedNanos) {
        phase.unseen.add(key);
        expected.put(key, new Expected(phase, intendedNanos));
    }

    void forget(String key) {
        Expected forgotten = expected.remove(key);
        if (forgotten != null) {
            forgotten.phase().unseen.remove(key);
        }
    }

    /**
     * Records the request → arrival latency in the request's phase; an arrival for no outstanding request (a repeat,
     * or a key of no request of this run) is counted instead.
     */
    void arrived(String key, long arrivedNanos) {
        Expected match = expected.remove(key);
        if (match == null) {
            unmatched.incrementAndGet();
        } else {
            match.phase().unseen.remove(key);
            match.phase().arrived(match.intendedNanos(), arrivedNanos);
        }
    }

    /** Arrivals that matched no outstanding request. */
    long unmatched() {
        return unmatched.get();
    }
}
