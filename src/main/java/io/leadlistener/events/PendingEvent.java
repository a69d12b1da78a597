package io.leadlistener.events;

/**
 * An outbox row claimed for sending.
 *
 * @param traceParent the W3C traceparent of the processing that wrote the event; null when tracing was off
 */
record PendingEvent(long seq, String id, String leadId, String type, String payload, int attempts,
                    java.time.Instant timestamp, String traceParent) {
}
