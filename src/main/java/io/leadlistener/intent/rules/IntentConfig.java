package io.leadlistener.intent.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "leadlistener.intent")
public interface IntentConfig {

    /** How often each replica checks for newly published rule versions (one small query); keep it under 2 s. */
    @WithDefault("1s")
    Duration reloadInterval();

    Impact impact();

    /** Bounds of an impact preview (a draft evaluated against stored messages), which runs inside a request. */
    interface Impact {

        /** Most messages one preview evaluates (newest first); also the default when a request names none. */
        @WithDefault("5000")
        @Min(1)
        @Max(100000)
        int maxMessages();

        /** A preview stops after this long and answers with what it evaluated, flagged {@code truncated}. */
        @WithDefault("10s")
        Duration timeLimit();

        /** Example messages shown per intent and direction (gained, lost). */
        @WithDefault("5")
        @Min(0)
        @Max(50)
        int examplesPerIntent();
    }
}
