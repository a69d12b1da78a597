package io.leadlistener.privacy;

import io.leadlistener.testsupport.FakeWeComApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The demo tenant acting in WeCom against a {@link FakeWeComApi} — alerts (app-secret), customer tags and profiles
 * (客户联系 secret) — so that a customer's text and name reach every table the way they do in production.
 */
public class PrivacyTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeWeComApi server;

    static FakeWeComApi server() {
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
