package io.leadlistener.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants as configured under {@code leadlistener.tenants."<id>"}. Token and EncodingAESKey are secrets:
 * supply them from the environment or a Kubernetes Secret, never from a committed file outside the dev profile.
 * <p>
 * SmallRye's generated implementation of this interface is never logged or rendered; the application works with
 * {@link Tenant}, whose {@code toString} masks the secrets.
 */
@ConfigMapping(prefix = "leadlistener")
public interface TenantsConfig {

    Map<String, @Valid TenantConfig> tenants();

    /** A WeCom Secret as the admin console shows it: a run of letters, digits, '-' and '_' (43 today). */
    String SECRET = "[A-Za-z0-9_-]{16,128}";
    String SECRET_MESSAGE = "must be the Secret as the WeCom admin console shows it (16 to 128 letters, digits, '-' or '_')";

    interface TenantConfig extends NamedCallbackConfig {
        /** The CorpID that every decrypted callback of this tenant must carry as its receiveid. */
        @WithName("corp-id")
        @NotBlank
        String corpId();

        @WithName("agent-id")
        Optional<String> agentId();

        /** Whether lead events carry the customer's message text (PII minimisation when false). */
        @WithName("include-message-text")
        @WithDefault("true")
        boolean includeMessageText();

        /**
         * The Secret of the 微信客服 app (WeCom admin console → 微信客服 → API → Secret); without it 微信客服
         * notifications are stored but their messages cannot be pulled. A secret: never logged.
         */
        @WithName("kf-secret")
        Optional<String> kfSecret();

        /**
         * The Secret of the tenant's self-built app (console → 应用管理 → the app → Secret), used with {@code agent-id} to
         * act in WeCom (alerts). Optional: without it the service takes no action in WeCom. A secret: never logged.
         */
        @WithName("app-secret")
        Optional<@Pattern(regexp = SECRET, message = SECRET_MESSAGE) String> appSecret();

        /**
         * The 客户联系 Secret (console → 客户联系 → API → Secret), for customer tags and profiles. Optional; a secret.
         */
        @WithName("contact-secret")
        Optional<@Pattern(regexp = SECRET, message = SECRET_MESSAGE) String> contactSecret();

        /**
         * Base URL of the WeCom server API (tests point it at a fake server). {@code http://} only for a loopback host
         * or in dev mode (checked by {@link TenantDirectory}).
         */
        @WithName("api-base-url")
        @WithDefault("https://qyapi.weixin.qq.com")
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String apiBaseUrl();

        /** Named callbacks (客户联系, 微信客服 ...), each configured in WeCom with its own Token and EncodingAESKey. */
        Map<String, @Valid NamedCallbackConfig> callbacks();

        /**
         * Bearer tokens of the ingestion API ({@code POST /api/v1/messages}) for this tenant, by name (the name is
         * what the inbox records as the sender). The same token may be configured for several tenants.
         */
        @WithName("ingestion-tokens")
        Map<String, @NotBlank String> ingestionTokens();

        /**
         * Group robots (群机器人) that pool recipients may name, by name: routing data says which pool alerts which
         * robot, the webhook key stays here (a secret: never stored as data, never logged).
         */
        Map<String, @Valid RobotConfig> robots();
    }

    /** A WeCom group robot: the {@code key} of its webhook URL ({@code …/cgi-bin/webhook/send?key=…}). */
    interface RobotConfig {
        @WithName("key")
        @Pattern(regexp = "[A-Za-z0-9-]{8,128}", message = "must be the key of the robot's webhook URL (letters, "
                + "digits, '-')")
        String key();
    }

    /** The Token and EncodingAESKey WeCom's console shows for one callback URL; the tenant's own is one too. */
    interface NamedCallbackConfig {
        @WithName("token")
        @NotBlank
        @Size(max = 32, message = "must be at most 32 characters (WeCom limit)")
        @Pattern(regexp = "[A-Za-z0-9]+", message = "must contain only letters and digits (WeCom limit)")
        String token();

        @WithName("encoding-aes-key")
        @ValidEncodingAesKey
        String encodingAesKey();

        /**
         * During a rotation: the Token/EncodingAESKey in force before, still accepted until {@code accepted-until},
         * so the WeCom console and our Secret can be switched in either order.
         */
        Optional<@Valid PreviousCallbackConfig> previous();
    }

    interface PreviousCallbackConfig {
        @WithName("token")
        @NotBlank
        @Size(max = 32, message = "must be at most 32 characters (WeCom limit)")
        @Pattern(regexp = "[A-Za-z0-9]+", message = "must contain only letters and digits (WeCom limit)")
        String token();

        @WithName("encoding-aes-key")
        @ValidEncodingAesKey
        String encodingAesKey();

        /** ISO-8601 instant, e.g. {@code 2026-12-01T00:00:00Z}: after it only the current secret is accepted. */
        @WithName("accepted-until")
        java.time.Instant acceptedUntil();
    }
}
