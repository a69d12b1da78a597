package io.leadlistener.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one phase sent and what came of it: ack latency (intended send → HTTP response) and end-to-end latency
 * (intended send → the arrival: the {@code lead.intent-tagged.v1} record polled by our consumer, or the alert
 * received by the fake WeCom API), both in microseconds, and the counts that make "zero loss" checkable: every
 * accepted request must arrive.
 */
final class PhaseRecorder {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    final String name;
    final Histogram ack = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram endToEnd = new ConcurrentHistogram(MAX_MICROS, 3);
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger seen = new AtomicInteger();
    /** Sent and not yet arrived (failed requests are taken out: nothing is promised for them). */
    final AtomicInteger outstanding = new AtomicInteger();
    /**
     * The keys (WeCom MsgIds, customers) of the accepted-or-in-flight requests whose arrival has not been seen: loss
     * is this set after the final drain, so a repeat of one message cannot hide the absence of another.
     */
    final Set<String> unseen = ConcurrentHashMap.newKeySet();
    final AtomicLong firstIntendedNanos = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastAckNanos = new AtomicLong(Long.MIN_VALUE);
    /** How late the generator itself got behind its schedule (waiting for a free slot included). */
    final AtomicLong maxSendLagNanos = new AtomicLong();
    volatile String firstFailure;

    PhaseRecorder(String name) {
        this.name = name;
    }

    void sending(long intendedNanos) {
        sent.incrementAndGet();
        outstanding.incrementAndGet();
        firstIntendedNanos.accumulateAndGet(intendedNanos, Math::min);
    }

    void sendLag(long lagNanos) {
        maxSendLagNanos.accumulateAndGet(lagNanos, Math::max);
    }

    /** Returns whether the request was accepted; a refused one will not be waited for downstream. */
    boolean acked(long intendedNanos, long nowNanos, int status, boolean accepted, String failure) {
        ack.recordValue(Math.min(MAX_MICROS, Math.max(0, (nowNanos - intendedNanos) / 1_000)));
        lastAckNanos.accumulateAndGet(nowNanos, Math::max);
        if (accepted) {
            ok.incrementAndGet();
            return true;
        }
        failed.incrementAndGet();
        if (firstFailure == null) {
            firstFailure = failure != null ? failure : "HTTP " + status;
        }
        return false;
    }

    void abandoned() {
        outstanding.decrementAndGet();
    }

    /** What the request must cause arrived: its Kafka record, or its WeCom alert at the fake API. */
    void arrived(long intendedNanos, long nowNanos) {
        endToEnd.recordValue(Math.min(MAX_MICROS, Math.max(0, (nowNanos - intendedNanos) / 1_000)));
        seen.incrementAndGet();
        outstanding.decrementAndGet();
    }

    /** Accepted callbacks per second, from the first intended send to the last response. */
    double achievedRate() {
        long span = lastAckNanos.get() - firstIntendedNanos.get();
        return span <= 0 ? 0 : ok.get() * 1e9 / span;
    }
}
