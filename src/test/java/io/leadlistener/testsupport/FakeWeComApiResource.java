package io.leadlistener.testsupport;

import java.util.Map;

/** Starts the {@link FakeWeComApi} and points the demo tenant at it, with the fake's 微信客服 secret. */
public class FakeWeComApiResource extends FakeWeComApiTestResource {

    private static volatile FakeWeComApi server;

    /** The running fake, for the test to script. */
    public static FakeWeComApi server() {
        return server;
    }

    @Override
    protected void started(FakeWeComApi running) {
        server = running;
    }

    @Override
    protected Map<String, String> config(FakeWeComApi running) {
        return Map.of("leadlistener.tenants.demo.kf-secret", FakeWeComApi.SECRET,
                // Low enough for a test to reach with pages of 2 messages; the longest pull elsewhere is 4 pages.
                "leadlistener.kf.max-pages-per-notification", "4");
    }
}
