package io.leadlistener.testsupport;

import io.leadlistener.events.EventIds;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo tenant of a packaged application acting in WeCom, configured from outside as an operator would: the
 * self-built app's Secret and agent id, the WeCom API at a {@link FakeWeComApi} of the test JVM (loopback, so
 * {@code http://} is allowed in prod), an ingestion token to create owned leads with, retries quick enough for a
 * test to see several, and no folding of a customer's alerts.
 */
public final class AlertingTenant {

    public static final String TENANT = "demo";
    public static final String INGESTION_TOKEN = "fault-test-ingest-token-0123456789abcdef";
    public static final int AGENT_ID = 1000002;

    private AlertingTenant() {
    }

    public static Map<String, String> config(PackagedAppEnvironment.Scope scope, FakeWeComApi wecom) {
        Map<String, String> config = new HashMap<>(scope.applicationConfig());
        config.put("leadlistener.tenants.demo.app-secret", FakeWeComApi.APP_SECRET);
        config.put("leadlistener.tenants.demo.agent-id", Integer.toString(AGENT_ID));
        config.put("leadlistener.tenants.demo.api-base-url", wecom.baseUrl());
        config.put("leadlistener.tenants.demo.ingestion-tokens.fault-tests", INGESTION_TOKEN);
        config.put("leadlistener.actions.worker.poll-interval", "200ms");
        config.put("leadlistener.actions.worker.initial-backoff", "200ms");
        config.put("leadlistener.actions.worker.max-backoff", "500ms");
        // Every tagged message its own alert: these tests follow each action, not the per-customer window.
        config.put("leadlistener.actions.alerts.fold-minutes", "0");
        return config;
    }

    /**
     * The demo tenant marking and reading WeCom customers ({@code contact-secret}, the 客户联系 Secret), alerts off:
     * the tests using it follow the customer tags and profiles, not alerts.
     */
    public static Map<String, String> customerContactConfig(PackagedAppEnvironment.Scope scope, FakeWeComApi wecom) {
        Map<String, String> config = config(scope, wecom);
        config.put("leadlistener.tenants.demo.contact-secret", FakeWeComApi.CONTACT_SECRET);
        config.put("leadlistener.actions.alerts.enabled", "false");
        // The worker claims the oldest due action first: with retries back sooner than it can go round a refused
        // backlog (tag and profile per customer, on a loaded machine), the newest would never get a first attempt.
        config.put("leadlistener.actions.worker.initial-backoff", "500ms");
        config.put("leadlistener.actions.worker.max-backoff", "2s");
        return config;
    }

    /**
     * The id of the alert a message of the ingestion API enqueues: name-based from (type, tenant, source message),
     * the source message being {@code "<channel>:<messageId>"} (channel {@code api} by default).
     */
    public static String alertId(String messageId) {
        return EventIds.action("alert", TENANT, "api:" + messageId);
    }

    /** The id of the {@code tag} action a message of {@link IngestionApiClient#ingestExternal} enqueues. */
    public static String tagActionId(String messageId) {
        return EventIds.action("tag", TENANT, IngestionApiClient.EXTERNAL_CHANNEL + ":" + messageId);
    }

    /** The id of the {@code profile} action the creation of an external contact's lead enqueues. */
    public static String profileActionId(String leadId) {
        return EventIds.action("profile", TENANT, leadId + "|created");
    }
}
