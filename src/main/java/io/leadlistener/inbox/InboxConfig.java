package io.leadlistener.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "leadlistener.inbox")
public interface InboxConfig {

    Worker worker();

    Store store();

    Retention retention();

    Health health();

    interface Worker {
        /** Threads per replica claiming rows; rows of one contact never run concurrently whatever this is. */
        @WithDefault("2")
        @Min(0)
        @Max(64)
        int threads();

        /**
         * How many rows (each the next of a different contact) one transaction claims and completes. 50 rather than
         * 20 made a saturating burst ~10 % cheaper per callback and drained it faster (issue 24, docs/benchmarks.md).
         */
        @WithDefault("50")
        @Min(1)
        @Max(500)
        int batchSize();

        /** Longest wait before looking again when idle; rows stored by this replica wake the worker at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * How long a worker waits after a wake-up, or after a round that found less than a quarter of
         * {@code batch-size}, before claiming again: rows arriving meanwhile share one claim and one commit instead of
         * each paying for its own. Adds at most this much to a message's latency; 0 claims at once.
         */
        @WithDefault("5ms")
        Duration linger();

        /** A row that failed this many times is parked with its last error instead of being retried. */
        @WithDefault("8")
        @Min(1)
        @Max(100)
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();
    }

    interface Store {
        /**
         * The most accepted messages made durable by one commit. Concurrent callbacks share a transaction (group
         * commit); 1 gives every message a transaction of its own.
         */
        @WithDefault("64")
        @Min(1)
        @Max(1000)
        int maxBatch();
    }

    interface Retention {
        /** Customer chat text is personal data: processed rows lose their text after this period. */
        @WithDefault("30d")
        Duration textRetention();

        @WithDefault("1h")
        Duration purgeInterval();

        /** Rows cleared per transaction, so a large purge never holds long locks. */
        @WithDefault("1000")
        @Min(1)
        int purgeBatchSize();
    }

    /** When the inbox wellness check ({@code /q/health/well}) turns DOWN: the worker is falling behind. */
    interface Health {
        /** The oldest pending row waited longer than this. */
        @WithDefault("2m")
        Duration maxBacklogAge();

        /** More rows than this are pending. */
        @WithDefault("10000")
        @Min(1)
        long maxPending();
    }
}
