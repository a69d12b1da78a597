package io.leadlistener.actions;

import io.leadlistener.common.WorkSignal;
import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the action worker when actions were committed on this replica. */
@ApplicationScoped
public class ActionWakeup extends WorkSignal {
}
