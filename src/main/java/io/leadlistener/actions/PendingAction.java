package io.leadlistener.actions;

/** A claimed action: {@code payload} is the request body exactly as it is sent. */
record PendingAction(String id, String tenantId, String leadId, String type, String payload, int attempts) {

    @Override
    public String toString() { // the payload may carry customer text
        return "PendingAction[id=" + id + ", tenant=" + tenantId + ", lead=" + leadId + ", type=" + type
                + ", attempts=" + attempts + "]";
    }
}
