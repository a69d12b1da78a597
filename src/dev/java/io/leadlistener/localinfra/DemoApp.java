package io.leadlistener.localinfra;

import java.util.Optional;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/**
 * The demo tenant's self-built app as dev mode configures it: what the fake WeCom API accepts in {@code gettoken}
 * (CorpID and the app's Secret) and in {@code message/send} (the AgentID). Read from the same configuration the
 * service reads, so the two never disagree; a value that is not configured makes every request that needs it fail,
 * as it would against WeCom.
 */
record DemoApp(Optional<String> corpId, Optional<String> appSecret, Optional<String> agentId) {

    static final String TENANT = "demo";
    private static final String PREFIX = "leadlistener.tenants." + TENANT + ".";

    /** The values in force for the active profile; the context applies {@code %dev.} like the service's own config. */
    static DemoApp fromConfig(ConfigSourceContext context) {
        return new DemoApp(value(context, "corp-id"), value(context, "app-secret"), value(context, "agent-id"));
    }

    boolean grantsToken(String corpId, String secret) {
        return this.corpId.isPresent() && this.corpId.get().equals(corpId)
                && appSecret.isPresent() && appSecret.get().equals(secret);
    }

    private static Optional<String> value(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(PREFIX + key);
        return value == null ? Optional.empty() : Optional.ofNullable(value.getValue()).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "DemoApp[corpId=" + corpId.orElse("-") + ", appSecret=" + appSecret.map(secret -> "****").orElse("-")
                + ", agentId=" + agentId.orElse("-") + "]";
    }
}
