package io.leadlistener.load;

/**
 * Follows each request of a phase to what it must cause downstream (a Kafka record, a WeCom alert) and records the
 * request → arrival latency in the request's phase; what never arrives stays outstanding, and counts as lost.
 */
interface ArrivalWatcher {

    /** The requests still owed their arrival; the watcher records each arrival there. */
    ExpectedArrivals expected();

    /** Registered before the request is sent: on a fast path the arrival can come before the HTTP response. */
    default void expect(String key, PhaseRecorder phase, long intendedNanos) {
        expected().expect(key, phase, intendedNanos);
    }

    /** The request was refused: nothing is promised for it. */
    default void forget(String key) {
        expected().forget(key);
    }

    /** Throws when the watcher itself broke, so a phase does not wait for arrivals that can no longer be seen. */
    void checkHealthy();

    /** What arrived in the whole run, for the log (e.g. arrivals that match no request of the run). */
    String tally();
}
