package io.leadlistener.admin;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;
import java.util.Map;

@ConfigMapping(prefix = "leadlistener.admin")
public interface AdminConfig {

    /**
     * Bearer tokens for the admin API, by name; the name (never the token) is what audit records show.
     * Supply the values from a Secret.
     */
    Map<String, @Size(min = 12, message = "must be at least 12 characters") String> tokens();
}
