package io.leadlistener.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "leadlistener.console")
public interface ConsoleConfig {

    /**
     * Key that signs console session cookies. When absent a random key is generated at start, so sessions end on
     * restart and are not valid on other replicas: with more than one replica, supply the same value to all of them
     * from a Secret.
     */
    Optional<@Size(min = 32, message = "must be at least 32 characters") String> sessionKey();

    /**
     * Where people reach the console from their phones and laptops (e.g. {@code https://leads.example.com}); when set,
     * alerts in WeCom link to the message's look-up there.
     */
    Optional<@Pattern(regexp = "https?://[^\\s?#]+",
            message = "must be an http(s) URL without query or fragment") String> publicUrl();

    /**
     * Whether the session cookie is {@code Secure} (sent over HTTPS only). On by default — behind a TLS-terminating
     * ingress the service itself sees plain HTTP, so it cannot tell; dev mode turns it off; a plain-HTTP lab may too.
     */
    @WithDefault("true")
    boolean secureCookie();

    /** Where the console shows times and where its dashboard's days start (an IANA zone id). */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId timeZone();

    /** Which ID token claims a single sign-on reads (docs/console.md "Single sign-on"). */
    SingleSignOn sso();

    interface SingleSignOn {

        /** The person's name in audit rows, as {@code sso:<value>}. */
        @WithDefault("preferred_username")
        String nameClaim();

        /** {@code viewer}, {@code editor}, {@code operator} or {@code admin} (a list: the highest counts). */
        @WithDefault("leadlistener_role")
        String roleClaim();

        /** Tenant ids (a list, or one string separated by commas or spaces), or {@code *}. */
        @WithDefault("leadlistener_tenants")
        String tenantsClaim();
    }

    /** How long a console sign-in lasts. */
    @WithDefault("PT8H")
    Duration sessionLifetime();
}
