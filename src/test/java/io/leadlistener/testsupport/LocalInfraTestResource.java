package io.leadlistener.testsupport;

import java.util.Map;

import io.leadlistener.localinfra.LocalInfraSettings;
import io.leadlistener.localinfra.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL and Kafka broker for {@code @QuarkusTest}s, on free ports with their own data
 * directory under {@code target/local-infra/}, so tests run next to a developer's {@code quarkus:dev}.
 *
 * <p>Use with {@code @WithTestResource(LocalInfraTestResource.class)} (or {@code @QuarkusTestResource}).
 * Durability tests and benchmarks add {@code initArgs = @ResourceArg(name = "durable-postgres", value = "true")}
 * to get {@code fsync=on} and {@code synchronous_commit=on}, which embedded PostgreSQL turns off by default.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DURABLE_POSTGRES_ARG = "durable-postgres";

    private LocalInfraSettings settings = LocalInfraSettings.forTests();

    @Override
    public void init(Map<String, String> initArgs) {
        settings = settings.withDurablePostgres(Boolean.parseBoolean(initArgs.get(DURABLE_POSTGRES_ARG)));
    }

    @Override
    public Map<String, String> start() {
        return LocalInfrastructure.startOrReuse(settings).toQuarkusConfig();
    }

    @Override
    public void stop() {
        LocalInfrastructure.stop(settings);
    }
}
