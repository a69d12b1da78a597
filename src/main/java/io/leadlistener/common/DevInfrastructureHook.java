package io.leadlistener.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the {@code dev} profile, hands over to the dev-only launcher of a local PostgreSQL and Kafka
 * ({@code io.leadlistener.localinfra.LocalInfraConfigSourceFactory}, source root {@code src/dev/java}), which
 * {@code ./mvnw quarkus:dev} and the tests have on their classpath and the packaged app does not.
 *
 * <p>Why a hook: Quarkus registers config source factories when it builds the app, so a factory listed in
 * {@code META-INF/services} must exist in the package; the launcher must not. The hook is found by name, so no
 * production class depends on dev tooling (ArchitectureRulesTest), and outside the dev profile it loads nothing.
 */
public final class DevInfrastructureHook implements ConfigSourceFactory {

    static final String DEV_PROFILE = "dev";
    static final String LAUNCHER = "io.leadlistener.localinfra.LocalInfraConfigSourceFactory";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains(DEV_PROFILE)) {
            return List.of();
        }
        return launcher().getConfigSources(context);
    }

    private static ConfigSourceFactory launcher() {
        try {
            return (ConfigSourceFactory) Class.forName(LAUNCHER, true, DevInfrastructureHook.class.getClassLoader())
                    .getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the dev profile starts a local PostgreSQL and Kafka with dev tooling that"
                    + " the packaged app does not contain: run ./mvnw quarkus:dev, or run the package in the prod"
                    + " profile with real servers configured", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("the dev-only local infrastructure could not be created", cause);
        }
    }
}
