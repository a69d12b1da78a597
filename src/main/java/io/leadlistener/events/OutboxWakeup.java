package io.leadlistener.events;

import io.leadlistener.common.WorkSignal;
import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the outbox relay when events were committed on this replica. */
@ApplicationScoped
public class OutboxWakeup extends WorkSignal {
}
