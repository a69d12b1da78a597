package io.leadlistener.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A free port for the management interface (health, metrics, OpenAPI) of the packaged application a
 * {@code @QuarkusIntegrationTest} launches. Quarkus's launcher hands the jar only the HTTP test port; without this
 * the management interface would take the prod default 9000 and collide with whatever else runs on the machine.
 *
 * <p>The test gets the port in a field of type {@link ManagementPort}.
 */
public class ManagementPortTestResource implements QuarkusTestResourceLifecycleManager {

    /** The port the launched application's management interface listens on. */
    public record ManagementPort(int value) {
    }

    private ManagementPort port;

    @Override
    public Map<String, String> start() {
        port = new ManagementPort(freePort());
        return Map.of("quarkus.management.port", Integer.toString(port.value()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(port, field -> field.getType() == ManagementPort.class);
    }

    @Override
    public void stop() {
        // nothing to release: the application that listened on the port has been stopped by Quarkus
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the management interface", e);
        }
    }
}
