package io.leadlistener.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts the {@link FakeWeComApi} and points the demo tenant at it, with the fake's 微信客服 secret. */
public class FakeWeComApiResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeWeComApi server;

    /** The running fake, for the test to script. */
    public static FakeWeComApi server() {
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
                "leadlistener.tenants.demo.kf-secret", FakeWeComApi.SECRET,
                // Low enough for a test to reach with pages of 2 messages; the longest pull elsewhere is 4 pages.
                "leadlistener.kf.max-pages-per-notification", "4");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
