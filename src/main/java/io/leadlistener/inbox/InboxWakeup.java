package io.leadlistener.inbox;

import io.leadlistener.common.WorkSignal;
import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the inbox worker when a row was stored on this replica. */
@ApplicationScoped
public class InboxWakeup extends WorkSignal {
}
