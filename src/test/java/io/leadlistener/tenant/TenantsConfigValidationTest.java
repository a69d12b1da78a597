package io.leadlistener.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Start-up validation of tenant configuration, as SmallRye Config runs it when the service boots. */
class TenantsConfigValidationTest {

    private static final String VALID_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String APP_SECRET = "AppSecretAbCdEf0123456789_-abcdefABCDEF0123";
    private static final String CONTACT_SECRET = "ContactSecretXyZ0123456789_-xyzXYZ012345678";

    @Test
    void acceptsAValidTenantWithANamedCallback() {
        Map<String, String> properties = demoTenant();
        properties.put("leadlistener.tenants.demo.callbacks.contacts.token", "Tok3n");
        properties.put("leadlistener.tenants.demo.callbacks.contacts.encoding-aes-key", VALID_KEY);

        TenantsConfig config = load(properties).getConfigMapping(TenantsConfig.class);

        assertThat(config.tenants()).containsKey("demo");
        assertThat(config.tenants().get("demo").callbacks()).containsKey("contacts");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "leadlistener.tenants.demo.encoding-aes-key, tooShort, must be 43 characters",
            "leadlistener.tenants.demo.encoding-aes-key, jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2!, Base64",
            "leadlistener.tenants.demo.token, with space, letters and digits",
            "leadlistener.tenants.demo.token, 0123456789012345678901234567890123, at most 32",
            "leadlistener.tenants.demo.corp-id, ' ', must not be blank",
            "leadlistener.tenants.demo.callbacks.kf.encoding-aes-key, short, must be 43 characters",
            "leadlistener.tenants.demo.app-secret, 'secret with spaces in it', must be the Secret",
            "leadlistener.tenants.demo.contact-secret, short, must be the Secret",
            "leadlistener.tenants.demo.robots.sales.key, 'not a key!', key of the robot's webhook URL",
    })
    void refusesABadValueNamingTheKeyButNeverTheSecret(String key, String value, String expectedMessage) {
        Map<String, String> properties = demoTenant();
        if (key.contains(".callbacks.kf.")) {
            properties.put("leadlistener.tenants.demo.callbacks.kf.token", "KfTok3n");
        }
        properties.put(key, value);

        assertThatThrownBy(() -> load(properties))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(expectedMessage)
                .satisfies(e -> {
                    if (value.length() > 8) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
    }

    @Test
    void readsTenantsFromEnvironmentVariablesAsAKubernetesSecretProvidesThem() {
        Map<String, String> environment = Map.of(
                "LEADLISTENER_TENANTS__ACME__CORP_ID", "wwacme0000000001",
                "LEADLISTENER_TENANTS__ACME__TOKEN", "AcmeTok3n",
                "LEADLISTENER_TENANTS__ACME__ENCODING_AES_KEY", VALID_KEY,
                "LEADLISTENER_TENANTS__ACME__CALLBACKS__CONTACTS__TOKEN", "C0ntacts",
                "LEADLISTENER_TENANTS__ACME__CALLBACKS__CONTACTS__ENCODING_AES_KEY", VALID_KEY);

        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(TenantsConfig.class)
                .withValidator(new BeanValidationConfigValidatorImpl())
                .build();
        Tenant tenant = new TenantDirectory(config.getConfigMapping(TenantsConfig.class)).find("acme").orElseThrow();

        assertThat(tenant.corpId()).isEqualTo("wwacme0000000001");
        assertThat(tenant.appCallback().token()).isEqualTo("AcmeTok3n");
        assertThat(tenant.callback("contacts")).isPresent();
    }

    @Test
    void readsAPreviousSecretForARotationOfTheAppAndOfANamedCallback() {
        Map<String, String> properties = demoTenant();
        properties.put("leadlistener.tenants.demo.previous.token", "OldTok3n");
        properties.put("leadlistener.tenants.demo.previous.encoding-aes-key", "A".repeat(43));
        properties.put("leadlistener.tenants.demo.previous.accepted-until", "2026-12-01T00:00:00Z");
        properties.put("leadlistener.tenants.demo.callbacks.contacts.token", "Tok3n");
        properties.put("leadlistener.tenants.demo.callbacks.contacts.encoding-aes-key", VALID_KEY);

        Tenant tenant = new TenantDirectory(load(properties).getConfigMapping(TenantsConfig.class))
                .find("demo").orElseThrow();

        assertThat(tenant.acceptedSecrets("", tenant.appCallback())).hasSize(2)
                .last().satisfies(previous -> {
                    assertThat(previous.secret().token()).isEqualTo("OldTok3n");
                    assertThat(previous.acceptedUntil()).isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
                    assertThat(previous.toString()).doesNotContain("OldTok3n");
                });
        assertThat(tenant.acceptedSecrets("contacts", tenant.callback("contacts").orElseThrow())).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "leadlistener.tenants.demo.previous.accepted-until, next week",
            "leadlistener.tenants.demo.previous.encoding-aes-key, short",
    })
    void refusesABadPreviousSecretNamingTheKey(String key, String value) {
        Map<String, String> properties = demoTenant();
        properties.put("leadlistener.tenants.demo.previous.token", "OldTok3n");
        properties.put("leadlistener.tenants.demo.previous.encoding-aes-key", "A".repeat(43));
        properties.put("leadlistener.tenants.demo.previous.accepted-until", "2026-12-01T00:00:00Z");
        properties.put(key, value);

        assertThatThrownBy(() -> load(properties)).hasMessageContaining(key);
    }

    @Test
    void refusesAPreviousSecretWithoutItsEnd() {
        Map<String, String> properties = demoTenant();
        properties.put("leadlistener.tenants.demo.previous.token", "OldTok3n");
        properties.put("leadlistener.tenants.demo.previous.encoding-aes-key", "A".repeat(43));

        assertThatThrownBy(() -> load(properties))
                .hasMessageContaining("leadlistener.tenants.demo.previous.accepted-until");
    }

    @Test
    void refusesATenantWithoutItsCallbackSecret() {
        Map<String, String> properties = demoTenant();
        properties.remove("leadlistener.tenants.demo.encoding-aes-key");

        assertThatThrownBy(() -> load(properties))
                .hasMessageContaining("leadlistener.tenants.demo.encoding-aes-key");
    }

    @Test
    void theAppAndContactSecretsAreOptionalAndReadWhenPresent() {
        Tenant without = new TenantDirectory(load(demoTenant()).getConfigMapping(TenantsConfig.class))
                .find("demo").orElseThrow();
        assertThat(without.appSecret()).isEmpty();
        assertThat(without.contactSecret()).isEmpty();

        Map<String, String> properties = demoTenant();
        properties.put("leadlistener.tenants.demo.app-secret", APP_SECRET);
        properties.put("leadlistener.tenants.demo.contact-secret", CONTACT_SECRET);
        Tenant with = new TenantDirectory(load(properties).getConfigMapping(TenantsConfig.class))
                .find("demo").orElseThrow();
        assertThat(with.appSecret()).contains(APP_SECRET);
        assertThat(with.contactSecret()).contains(CONTACT_SECRET);
        assertThat(with.toString()).contains("appSecret=****", "contactSecret=****")
                .doesNotContain(APP_SECRET).doesNotContain(CONTACT_SECRET);
    }

    @Test
    void aGroupRobotIsNamedInLogsButItsKeyNever() {
        Map<String, String> properties = demoTenant();
        String key = "693a91f6-7b1c-4bc4-97a0-0ec2a1fa5a01";
        properties.put("leadlistener.tenants.demo.robots.sales-group.key", key);
        Tenant tenant = new TenantDirectory(load(properties).getConfigMapping(TenantsConfig.class))
                .find("demo").orElseThrow();

        assertThat(tenant.robotKey("sales-group")).contains(key);
        assertThat(tenant.robotKey("other")).isEmpty();
        assertThat(tenant.toString()).contains("robots=[sales-group]").doesNotContain(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://qyapi.weixin.qq.com/, https://qyapi.weixin.qq.com", "http://127.0.0.1:8089, http://127.0.0.1:8089",
            "http://localhost:9/wecom, http://localhost:9/wecom", "'http://[::1]:9', 'http://[::1]:9'"})
    void theApiBaseUrlMayBePlainHttpOnlyOnThisMachine(String configured, String used) {
        assertThat(TenantDirectory.apiBaseUrl("demo", configured)).isEqualTo(used);
    }

    @Test
    void aRemotePlainHttpApiBaseUrlIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> TenantDirectory.apiBaseUrl("demo", "http://qyapi.weixin.qq.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leadlistener.tenants.\"demo\".api-base-url")
                .hasMessageContaining("use https://");
    }

    @Test
    void tenantToStringNeverShowsSecrets() {
        TenantsConfig config = load(demoTenant()).getConfigMapping(TenantsConfig.class);
        Tenant tenant = new TenantDirectory(config).find("demo").orElseThrow();

        assertThat(tenant.toString()).contains("wx5823bf96d3bd56c7")
                .doesNotContain("QDG6eK").doesNotContain(VALID_KEY);
        assertThat(tenant.appCallback().toString()).doesNotContain("QDG6eK").doesNotContain(VALID_KEY);
    }

    private static Map<String, String> demoTenant() {
        Map<String, String> properties = new HashMap<>();
        properties.put("leadlistener.tenants.demo.corp-id", "wx5823bf96d3bd56c7");
        properties.put("leadlistener.tenants.demo.token", "QDG6eK");
        properties.put("leadlistener.tenants.demo.encoding-aes-key", VALID_KEY);
        return properties;
    }

    private static SmallRyeConfig load(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(TenantsConfig.class)
                .withValidator(new BeanValidationConfigValidatorImpl())
                .build();
    }
}
