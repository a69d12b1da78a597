package io.leadlistener.actions;

import java.util.List;

/**
 * A claimed action: {@code payload} is the request body exactly as it is sent; {@code recipients} the members it
 * messages.
 */
record PendingAction(String id, String tenantId, String leadId, String type, String payload, int attempts,
                     List<String> recipients) {

    @Override
    public String toString() { // the payload may carry customer text
        return "PendingAction[id=" + id + ", tenant=" + tenantId + ", lead=" + leadId + ", type=" + type
                + ", attempts=" + attempts + "]";
    }
}
