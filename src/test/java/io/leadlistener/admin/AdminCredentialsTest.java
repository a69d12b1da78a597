package io.leadlistener.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Credentials as configuration spells them — in properties and in the environment variables a Secret supplies (where
 * a name is lower-cased and an underscore would become a dot: names there are plain words, docs/configuration.md).
 */
class AdminCredentialsTest {

    private static final Set<String> TENANTS = Set.of("demo", "acme");

    @Test
    void credentials_from_environment_variables_get_their_role_and_tenants() {
        AdminCredentials credentials = fromEnvironment(Map.of(
                "LEADLISTENER_ADMIN_CREDENTIALS__SALESOPS__TOKEN", "sales-ops-token-0123456789",
                "LEADLISTENER_ADMIN_CREDENTIALS__SALESOPS__ROLE", "editor",
                "LEADLISTENER_ADMIN_CREDENTIALS__SALESOPS__TENANTS", "demo, acme",
                "LEADLISTENER_ADMIN_CREDENTIALS__ONCALL__TOKEN", "oncall-token-0123456789",
                "LEADLISTENER_ADMIN_CREDENTIALS__ONCALL__ROLE", "operator",
                "LEADLISTENER_ADMIN_CREDENTIALS__ONCALL__TENANTS", "*"));

        assertThat(credentials.presenting("sales-ops-token-0123456789")).hasValueSatisfying(credential -> {
            assertThat(credential.name()).isEqualTo("salesops");
            assertThat(credential.role()).isEqualTo(Role.EDITOR);
            assertThat(credential.tenants()).containsExactlyInAnyOrder("demo", "acme");
            assertThat(credential.mayActOn("other")).isFalse();
        });
        assertThat(credentials.presenting("oncall-token-0123456789")).hasValueSatisfying(credential -> {
            assertThat(credential.role()).isEqualTo(Role.OPERATOR);
            assertThat(credential.mayActOn("any")).isTrue();
        });
        assertThat(credentials.presenting("oncall-token-012345678")).isEmpty();
        assertThat(credentials.named("oncall")).isPresent();
        assertThat(credentials.named("nobody")).isEmpty();
    }

    @Test
    void a_deprecated_token_is_an_admin_on_every_tenant() {
        AdminCredentials credentials = fromProperties(Map.of("leadlistener.admin.tokens.legacy", "legacy-token-0123456789"));

        assertThat(credentials.presenting("legacy-token-0123456789")).hasValueSatisfying(credential -> {
            assertThat(credential.name()).isEqualTo("legacy");
            assertThat(credential.role()).isEqualTo(Role.ADMIN);
            assertThat(credential.everyTenant()).isTrue();
        });
    }

    @Test
    void an_admin_needs_no_tenants_and_may_not_be_limited_to_some() {
        assertThat(fromProperties(Map.of("leadlistener.admin.credentials.root.token", "root-token-0123456789",
                "leadlistener.admin.credentials.root.role", "admin")).named("root"))
                .hasValueSatisfying(credential -> assertThat(credential.mayActOn("acme")).isTrue());
        assertThatThrownBy(() -> fromProperties(Map.of("leadlistener.admin.credentials.root.token", "root-token-0123456789",
                "leadlistener.admin.credentials.root.role", "admin", "leadlistener.admin.credentials.root.tenants", "demo")))
                .hasMessageContaining("leadlistener.admin.credentials.\"root\".tenants is 'demo', but an admin acts on "
                        + "every tenant");
    }

    @Test
    void a_role_below_admin_must_say_which_tenants() {
        assertThatThrownBy(() -> fromProperties(Map.of("leadlistener.admin.credentials.v.token", "viewer-token-0123456789",
                "leadlistener.admin.credentials.v.role", "viewer")))
                .hasMessageContaining("leadlistener.admin.credentials.\"v\".tenants is required for the viewer role");
    }

    @Test
    void two_credentials_with_one_token_value_or_one_name_are_refused() {
        assertThatThrownBy(() -> fromProperties(Map.of(
                "leadlistener.admin.credentials.a.token", "same-token-0123456789", "leadlistener.admin.credentials.a.role", "admin",
                "leadlistener.admin.credentials.b.token", "same-token-0123456789", "leadlistener.admin.credentials.b.role", "viewer",
                "leadlistener.admin.credentials.b.tenants", "demo")))
                .hasMessageContaining("two admin credentials share one token value");
        assertThatThrownBy(() -> fromProperties(Map.of(
                "leadlistener.admin.credentials.ops.token", "ops-token-0123456789", "leadlistener.admin.credentials.ops.role", "admin",
                "leadlistener.admin.tokens.ops", "other-token-0123456789")))
                .hasMessageContaining("share a name");
    }

    private static AdminCredentials fromEnvironment(Map<String, String> environment) {
        return credentials(new SmallRyeConfigBuilder().withSources(new EnvConfigSource(environment, 300)));
    }

    private static AdminCredentials fromProperties(Map<String, String> properties) {
        return credentials(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)));
    }

    private static AdminCredentials credentials(SmallRyeConfigBuilder builder) {
        SmallRyeConfig config = builder.withConverter(java.time.Duration.class, 200,
                new io.quarkus.runtime.configuration.DurationConverter()).withMapping(AdminConfig.class).build();
        return new AdminCredentials(config.getConfigMapping(AdminConfig.class), TENANTS);
    }
}
