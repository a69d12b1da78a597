package io.leadlistener.lead.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Per pool, who is alerted in WeCom about a lead without an owner, e.g. {@code recipients.sales.users=zhangsan};
     * routing data like the pools, so a published routing version can change it.
     */
    Map<String, Recipients> recipients();

    interface Recipients {
        /** WeCom userids. */
        Optional<List<@Pattern(regexp = "[A-Za-z0-9_.@-]{1,64}", message = "is not a WeCom userid") String>> users();

        /** WeCom department ids. */
        Optional<List<@Positive Long>> departments();

        /** Group robots, by the name {@code leadlistener.tenants.<id>.robots.<name>} gives them. */
        Optional<List<String>> robots();
    }
}
