package io.leadlistener.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The demo tenant, handed to the packaged prod-profile app from outside as an operator would. */
public class ProdTenantTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "leadlistener.tenants.demo.corp-id", WeComSimulator.DEMO_CORP_ID,
                "leadlistener.tenants.demo.token", WeComSimulator.DEMO_SECRET.token(),
                "leadlistener.tenants.demo.encoding-aes-key", WeComSimulator.DEMO_SECRET.key().encoded());
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
