package io.leadlistener.intent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "leadlistener.intent")
public interface IntentConfig {

    /** How often each replica checks for newly published rule versions (one small query); keep it under 2 s. */
    @WithDefault("1s")
    Duration reloadInterval();
}
