package io.leadlistener.actions;

import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.FakeWeComApiTestResource;
import java.util.Map;

/**
 * The demo tenant with an app-secret, a 客户联系 secret and a 微信客服 secret, acting in WeCom against the
 * {@link FakeWeComApi}; quick retries.
 */
public class AlertsTestResource extends FakeWeComApiTestResource {

    private static volatile FakeWeComApi server;

    static FakeWeComApi server() {
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
                "leadlistener.tenants.demo.kf-secret", FakeWeComApi.SECRET,
                "leadlistener.tenants.demo.robots.sales-group.key", FakeWeComApi.ROBOT_KEY,
                "leadlistener.actions.worker.initial-backoff", "200ms",
                "leadlistener.actions.worker.max-backoff", "500ms");
    }
}
