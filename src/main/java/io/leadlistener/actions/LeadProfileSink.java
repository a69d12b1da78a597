package io.leadlistener.actions;

/**
 * Where a fetched customer profile goes: the lead stores it and announces a change. Implemented by the lead
 * capability, which owns the lead table and its events; the action worker only fetches.
 */
public interface LeadProfileSink {

    /**
     * Stores the profile on the lead, in the caller's transaction, and publishes {@code lead.profile-updated.v1} when
     * it differs from the stored one.
     *
     * @return whether the profile changed
     */
    boolean profileFetched(String tenantId, String leadId, CustomerProfile profile);
}
