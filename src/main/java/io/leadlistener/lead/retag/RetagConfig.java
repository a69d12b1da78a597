package io.leadlistener.lead.retag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Re-tag jobs: how often replicas look for work, how much one transaction does, how far a job may reach. */
@ConfigMapping(prefix = "leadlistener.retag")
public interface RetagConfig {

    /**
     * How often each replica looks for a queued or running job ({@code off} disables re-tagging on this replica:
     * jobs can still be created and are run by the others).
     */
    @WithDefault("1s")
    String pollInterval();

    /** Messages re-tagged per transaction; the job's progress and a cancellation take effect between batches. */
    @WithDefault("200")
    @Min(1)
    @Max(5000)
    int batchSize();

    /** Most messages one job covers: the newest ones of its window. */
    @WithDefault("100000")
    @Min(1)
    int maxMessages();
}
