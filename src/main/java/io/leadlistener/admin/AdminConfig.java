package io.leadlistener.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "leadlistener.admin")
public interface AdminConfig {

    /** A role id as configured. */
    String ROLE = "viewer|editor|operator|admin";
    /** {@code *}, or tenant ids separated by commas (spaces allowed around them). */
    String TENANTS = "\\s*(\\*|[A-Za-z0-9_-]+(\\s*,\\s*[A-Za-z0-9_-]+)*)\\s*";

    /**
     * Credentials of the admin API and the console by name; the name (never the token) is what audit records and
     * logs show. Supply the tokens from a Secret.
     */
    Map<String, @Valid Credential> credentials();

    /**
     * Deprecated since issue 20: each {@code leadlistener.admin.tokens."<name>"} still works, as an {@code admin}
     * credential on every tenant ({@code *}), and start-up warns; move it to {@code credentials."<name>".token}.
     */
    Map<String, @Size(min = 12, message = "must be at least 12 characters") String> tokens();

    /** How many failed sign-ins a client address (or a credential) gets before it must wait. */
    @WithName("failed-sign-ins")
    FailedSignInLimit failedSignIns();

    interface FailedSignInLimit {

        /** Failures allowed per window; the next attempt, right or wrong, is answered 429 until the window ends. */
        @WithDefault("10")
        @Min(1)
        int maxPerWindow();

        @WithDefault("1m")
        Duration window();

        /** How many addresses and credentials are tracked at once, so a spray from many addresses cannot fill memory. */
        @WithDefault("100000")
        @Min(100)
        int maxTracked();
    }

    interface Credential {

        /** The bearer token (and console sign-in token). A secret: never logged. */
        @Size(min = 12, message = "must be at least 12 characters")
        String token();

        @Pattern(regexp = ROLE, message = "must be one of " + ROLE)
        String role();

        /**
         * Comma-separated tenant ids, or {@code *} for every tenant. Required unless the role is {@code admin}, which
         * acts on every tenant.
         */
        Optional<@Pattern(regexp = TENANTS, message = "must be '*' or tenant ids separated by commas") String> tenants();
    }
}
