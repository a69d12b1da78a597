package io.leadlistener.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.events.CloudEventsJson;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends lead events to the outbox, as CloudEvents JSON, in the caller's transaction. */
@ApplicationScoped
public class LeadEventWriter {

    private final Outbox outbox;
    private final CloudEventsJson cloudEvents;

    public LeadEventWriter(Outbox outbox, ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.cloudEvents = new CloudEventsJson(objectMapper);
    }

    public void append(LeadEvent event) {
        outbox.append(event.id(), event.leadId(), event.type().type(), event.time(), cloudEvents.toJson(event), false);
    }

    /**
     * Appends the event that announces a message's first processing: its publication is what the leads stats measure
     * capture latency by.
     */
    public void appendFirstCapture(LeadEvent event) {
        outbox.append(event.id(), event.leadId(), event.type().type(), event.time(), cloudEvents.toJson(event), true);
    }
}
