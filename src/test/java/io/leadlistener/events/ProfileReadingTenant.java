package io.leadlistener.events;

import io.leadlistener.testsupport.FakeWeComApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The demo tenant with the 客户联系 Secret, reading customers' profiles from a {@link FakeWeComApi}, so that the
 * service publishes {@code lead.profile-updated.v1} too.
 */
public class ProfileReadingTenant implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeWeComApi server;

    static FakeWeComApi wecom() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeWeComApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("leadlistener.tenants.demo.api-base-url", server.baseUrl(),
                "leadlistener.tenants.demo.app-secret", FakeWeComApi.APP_SECRET,
                "leadlistener.tenants.demo.contact-secret", FakeWeComApi.CONTACT_SECRET,
                "leadlistener.actions.worker.initial-backoff", "200ms",
                "leadlistener.actions.worker.max-backoff", "500ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
