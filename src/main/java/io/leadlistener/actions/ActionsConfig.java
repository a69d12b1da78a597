package io.leadlistener.actions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** {@code leadlistener.actions.*}: the worker that carries out actions in WeCom. */
@ConfigMapping(prefix = "leadlistener.actions")
public interface ActionsConfig {

    Worker worker();

    /** The {@code action-outbox} wellness check is DOWN when the oldest pending action is older than this. */
    @WithDefault("10m")
    Duration maxLag();

    interface Worker {
        /** Leads whose oldest pending action one round takes. */
        @WithDefault("20")
        @Min(1)
        @Max(500)
        int batchSize();

        /** How often an idle worker looks again (a commit on this replica wakes it at once). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** An errcode this service does not know is retried this many times, then parked. */
        @WithDefault("8")
        @Min(1)
        @Max(100)
        int maxAttempts();
    }
}
