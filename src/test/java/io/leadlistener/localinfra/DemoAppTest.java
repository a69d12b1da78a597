package io.leadlistener.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class DemoAppTest {

    @Test
    void readsTheDemoTenantsValuesOfTheActiveProfile() {
        DemoApp app = readInProfile("dev", Map.of(
                "%dev.leadlistener.tenants.demo.corp-id", "wx5823bf96d3bd56c7",
                "%dev.leadlistener.tenants.demo.app-secret", "devAppSecret0123456789",
                "%test.leadlistener.tenants.demo.app-secret", "testAppSecret0123456789",
                "leadlistener.tenants.demo.agent-id", "1000002",
                "leadlistener.tenants.lab.app-secret", "labAppSecret0123456789"));

        assertThat(app).isEqualTo(new DemoApp(Optional.of("wx5823bf96d3bd56c7"), Optional.of("devAppSecret0123456789"),
                Optional.of("1000002")));
        assertThat(app.grantsToken("wx5823bf96d3bd56c7", "devAppSecret0123456789")).isTrue();
        assertThat(app.grantsToken("wx5823bf96d3bd56c7", "testAppSecret0123456789")).isFalse();
        assertThat(app.toString()).doesNotContain("devAppSecret0123456789");
    }

    @Test
    void grantsNoTokenWithoutAnAppSecret() {
        DemoApp app = readInProfile("dev", Map.of("%dev.leadlistener.tenants.demo.corp-id", "wx5823bf96d3bd56c7"));

        assertThat(app.appSecret()).isEmpty();
        assertThat(app.grantsToken("wx5823bf96d3bd56c7", "")).isFalse();
        assertThat(app.grantsToken("wx5823bf96d3bd56c7", null)).isFalse();
    }

    /** Through SmallRye's own factory context, as Quarkus calls LocalInfraConfigSourceFactory. */
    private static DemoApp readInProfile(String profile, Map<String, String> properties) {
        AtomicReference<DemoApp> read = new AtomicReference<>();
        ConfigSourceFactory reader = (ConfigSourceContext context) -> {
            read.set(DemoApp.fromConfig(context));
            return List.<ConfigSource>of();
        };
        new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(reader)
                .build();
        return read.get();
    }
}
