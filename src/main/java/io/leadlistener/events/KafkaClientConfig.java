package io.leadlistener.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kafka.*} configuration (bootstrap servers, SASL/TLS ...) narrowed to what one kind of client
 * understands, so every client we create sees the same connection settings without warnings about unknown keys.
 */
final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    /** A mutable copy of the entries of {@code kafkaConfig} whose keys are in {@code clientConfigNames}. */
    static Map<String, Object> passThrough(Map<String, Object> kafkaConfig, Set<String> clientConfigNames) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (clientConfigNames.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
