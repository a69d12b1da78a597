package io.leadlistener.lead.retag;

import java.time.Instant;

/**
 * A re-tag job as the API shows it.
 *
 * @param status         queued, running, completed, cancelled or failed (then {@code error} says why)
 * @param ruleSetVersion the version messages are re-tagged with (the tenant's version in force when it was created)
 * @param from           start of the window (received time); {@code to} is when the job was created
 * @param total          messages in the window tagged with an older version (at most {@code leadlistener.retag
 *                       .max-messages}, the newest)
 * @param changed        messages whose intents changed; each that still has an intent is announced with
 *                       {@code lead.intent-tagged.v1} (one that lost every intent is not: the event promises one)
 * @param eventsEmitted  events appended to the outbox (a contact that becomes a lead also gets its
 *                       {@code lead.created.v1})
 */
public record RetagJob(long id, String tenant, long ruleSetVersion, int days, Instant from, Instant to,
                       String status, int total, int processed, int changed, int eventsEmitted, String requestedBy,
                       Instant createdAt, Instant startedAt, Instant finishedAt, String error) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
}
