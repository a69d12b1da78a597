package io.leadlistener.kf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code leadlistener.kf.*}: how much one 微信客服 notification may pull. */
@ConfigMapping(prefix = "leadlistener.kf")
public interface KfConfig {

    /**
     * Pages of {@code kf/sync_msg} (up to 1,000 messages each) one notification pulls at most; the rest follows with
     * the next notification, from the persisted cursor. A WeCom that kept answering {@code has_more} would otherwise
     * hold a worker forever.
     */
    @WithDefault("100")
    @Min(1)
    @Max(10_000)
    int maxPagesPerNotification();
}
