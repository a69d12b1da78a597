package io.leadlistener.lead.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;

/** Which pool a lead goes to, by the intents of its message. */
@ConfigMapping(prefix = "leadlistener.routing")
public interface RoutingConfig {

    /** Pool per intent, e.g. {@code agency=channel-partners}. */
    Map<String, String> pools();

    /** When a message carries several intents, the first of these decides; intents not listed come after. */
    @WithDefault("agency,sample,quote")
    List<String> precedence();

    /** Pool of an intent that has none configured (custom intents). */
    @WithDefault("sales")
    @NotBlank
    String defaultPool();
}
