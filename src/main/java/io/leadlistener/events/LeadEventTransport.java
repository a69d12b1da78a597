package io.leadlistener.events;

/**
 * How lead events travel on Kafka (docs/events/README.md, "Transport"): the topic, the record key and the header
 * that marks the value as a structured-mode CloudEvent.
 */
public final class LeadEventTransport {

    /** Default topic; the name is configurable. */
    public static final String TOPIC_DEFAULT = "crm.lead-events";

    /**
     * Kafka header of structured mode (CloudEvents Kafka protocol binding, section 3.2: the {@code content-type}
     * header names the event format).
     */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private LeadEventTransport() {
    }

    /** The record key: the leadId, so all events of one lead land in one partition, in order. */
    public static String recordKey(LeadEvent event) {
        return event.leadId();
    }
}
