package io.leadlistener.events;

import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.FakeWeComApiTestResource;
import java.util.Map;

/**
 * The demo tenant with the 客户联系 Secret, reading customers' profiles from a {@link FakeWeComApi}, so that the
 * service publishes {@code lead.profile-updated.v1} too.
 */
public class ProfileReadingTenant extends FakeWeComApiTestResource {

    private static volatile FakeWeComApi server;

    static FakeWeComApi wecom() {
        return server;
    }

    @Override
    protected void started(FakeWeComApi running) {
        server = running;
    }

    @Override
    protected Map<String, String> config(FakeWeComApi running) {
        return Map.of("leadlistener.tenants.demo.app-secret", FakeWeComApi.APP_SECRET,
                "leadlistener.tenants.demo.contact-secret", FakeWeComApi.CONTACT_SECRET,
                "leadlistener.actions.worker.initial-backoff", "200ms",
                "leadlistener.actions.worker.max-backoff", "500ms");
    }
}
