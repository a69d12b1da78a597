package io.leadlistener.localinfra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Gives {@code ./mvnw quarkus:dev} a real PostgreSQL and Kafka without Docker, and a fake WeCom API for the demo
 * tenant's alerts: in the {@code dev} profile it starts them (or reuses the running servers after a live reload) and
 * supplies their endpoints as configuration. In any other profile it supplies nothing and loads none of the dev-only
 * classes.
 *
 * <p>A config source factory rather than a startup bean because Quarkus builds the configuration before
 * anything else: the servers are up before the datasource, Flyway's migrate-at-start and the Kafka
 * connector initialise.
 */
public final class LocalInfraConfigSourceFactory implements ConfigSourceFactory {

    static final String DEV_PROFILE = "dev";
    static final String SOURCE_NAME = "LocalInfraConfigSource";
    /** Above application.properties (250) so it replaces placeholder URLs there; below env vars (300) so they still win. */
    static final int ORDINAL = 260;

    private final Supplier<LocalInfraSettings> devSettings;

    public LocalInfraConfigSourceFactory() {
        this(LocalInfraSettings::devMode);
    }

    /** For tests: the real dev settings would take port 9092 from a developer's running dev mode. */
    LocalInfraConfigSourceFactory(Supplier<LocalInfraSettings> devSettings) {
        this.devSettings = devSettings;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains(DEV_PROFILE)) {
            return List.of();
        }
        LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(devSettings.get());
        Map<String, String> config = new HashMap<>(endpoints.toQuarkusConfig());
        config.put(LocalWeComApi.BASE_URL_KEY, LocalWeComApi.startOrRestart(DemoApp.fromConfig(context)));
        return List.of(new PropertiesConfigSource(config, SOURCE_NAME, ORDINAL));
    }
}
