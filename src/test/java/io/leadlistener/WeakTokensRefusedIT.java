package io.leadlistener;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.PackagedApp;
import io.leadlistener.testsupport.PackagedAppEnvironment;
import io.leadlistener.testsupport.PackagedAppEnvironment.Scope;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20: in the prod profile the packaged application does not start with an admin or ingestion token shorter than
 * 32 characters, nor with one value that is both; the message names the keys and never the values. Dev mode's
 * short shared {@code dev-admin-token} is for dev mode only.
 */
@ExtendWith(PackagedAppEnvironment.class)
class WeakTokensRefusedIT {

    private static final String SHORT_ADMIN_TOKEN = "short-admin-token-1234";
    private static final String SHARED_TOKEN = "one-value-for-two-doors-0123456789abcdef";

    @Test
    void thePackagedAppRefusesToStartWithAShortOrASharedTokenAndNamesOnlyTheKeys(Scope scope) {
        Map<String, String> config = new java.util.HashMap<>(scope.applicationConfig());
        config.put("leadlistener.admin.credentials.ops.token", SHORT_ADMIN_TOKEN);
        config.put("leadlistener.admin.credentials.ops.role", "admin");
        config.put("leadlistener.admin.credentials.pipeline.token", SHARED_TOKEN);
        config.put("leadlistener.admin.credentials.pipeline.role", "viewer");
        config.put("leadlistener.admin.credentials.pipeline.tenants", "demo");
        config.put("leadlistener.tenants.demo.ingestion-tokens.crm", SHARED_TOKEN);

        PackagedApp app = PackagedApp.launch(scope.name() + "-weak-tokens", config);
        int exitCode = app.awaitExit(Duration.ofSeconds(60));

        String log = String.join("\n", app.logLines());
        assertThat(exitCode).as("exit code; log:%n%s", app.tail(40)).isNotZero();
        assertThat(log).contains("Refusing to start with weak or shared tokens")
                .contains("leadlistener.admin.credentials.\"ops\".token is 22 characters; outside dev and test a "
                        + "token needs at least 32")
                .contains("leadlistener.admin.credentials.\"pipeline\".token and "
                        + "leadlistener.tenants.\"demo\".ingestion-tokens.\"crm\" have the same value")
                .doesNotContain(SHORT_ADMIN_TOKEN)
                .doesNotContain(SHARED_TOKEN);
        assertThat(log).as("it never listened").doesNotContain("Listening on");
    }
}
