package io.leadlistener.intent.engine;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tagger in force, swapped atomically when rules change: a message is tagged wholly by the old or
 * wholly by the new rule set, and readers never wait for a reload.
 */
public final class IntentTaggerHolder {

    private final AtomicReference<IntentTagger> current;

    public IntentTaggerHolder(IntentTagger initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public IntentTagger current() {
        return current.get();
    }

    /** Tags with the tagger in force at the moment of the call. */
    public TaggingResult tag(String text) {
        return current.get().tag(text);
    }

    /** Publishes {@code next} unconditionally; returns the tagger it replaced. */
    public IntentTagger publish(IntentTagger next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }

    /**
     * Publishes {@code next} only if its rule set version is higher than the one in force, so two reloads
     * racing each other cannot put an older rule set back.
     *
     * @return whether {@code next} is now in force
     */
    public boolean publishIfNewer(IntentTagger next) {
        Objects.requireNonNull(next, "next");
        while (true) {
            IntentTagger inForce = current.get();
            if (next.ruleSetVersion() <= inForce.ruleSetVersion()) {
                return false;
            }
            if (current.compareAndSet(inForce, next)) {
                return true;
            }
        }
    }
}
