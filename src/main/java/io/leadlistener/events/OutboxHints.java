package io.leadlistener.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox events this replica just committed, by seq, for the relay to claim by primary key instead of finding them
 * by walking the pending index (issue 24: under load that walk crossed the entries of every event published since the
 * last vacuum, and was the relay's largest cost in PostgreSQL). A hint is only a shortcut: the relay still claims with
 * the same row lock and head-of-lead rule, and its periodic sweep finds whatever a hint missed — events of other
 * replicas, hints dropped when this queue was full, events that were not yet their lead's head.
 */
@ApplicationScoped
public class OutboxHints {

    /** Beyond this many waiting hints new ones are dropped: the relay is behind, and its sweep finds them in order. */
    static final int CAPACITY = 10_000;

    /** A committed event's seq, and how many rounds already tried to claim it by its hint. */
    record Hint(long seq, int tries) {
    }

    private final ConcurrentLinkedQueue<Hint> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    /** The seqs of events a transaction committed, in their order. */
    void committed(List<Long> seqs) {
        seqs.forEach(seq -> offer(new Hint(seq, 0)));
    }

    /** A hint a round could not claim yet, for one more try. */
    void retry(Hint hint) {
        offer(new Hint(hint.seq(), hint.tries() + 1));
    }

    private void offer(Hint hint) {
        if (size.incrementAndGet() > CAPACITY) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        waiting.add(hint);
    }

    /** Takes up to {@code max} hints, oldest first. */
    List<Hint> take(int max) {
        List<Hint> taken = new ArrayList<>(Math.min(max, size.get()));
        Hint hint;
        while (taken.size() < max && (hint = waiting.poll()) != null) {
            size.decrementAndGet();
            taken.add(hint);
        }
        return taken;
    }

    /** Hints dropped since the last call because the queue was full (each means a sweep is needed). */
    int takeDropped() {
        return dropped.getAndSet(0);
    }
}
