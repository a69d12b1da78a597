package io.leadlistener.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts a {@link FakeWeComApi} for a Quarkus test and points the demo tenant at it; a subclass says which secrets and
 * settings the tenant gets, and keeps the running fake where its tests can script it.
 */
public abstract class FakeWeComApiTestResource implements QuarkusTestResourceLifecycleManager {

    private FakeWeComApi server;

    /** The configuration for this fake, besides the demo tenant's {@code api-base-url}. */
    protected abstract Map<String, String> config(FakeWeComApi server);

    /** Called with the running fake before the application starts. */
    protected abstract void started(FakeWeComApi server);

    @Override
    public final Map<String, String> start() {
        try {
            server = new FakeWeComApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        started(server);
        Map<String, String> config = new java.util.HashMap<>(config(server));
        config.put("leadlistener.tenants.demo.api-base-url", server.baseUrl());
        return config;
    }

    @Override
    public final void stop() {
        if (server != null) {
            server.close();
        }
    }
}
