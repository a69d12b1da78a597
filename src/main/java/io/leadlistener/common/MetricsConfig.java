package io.leadlistener.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the backlog and rule-version gauges are read from PostgreSQL and the taggers (never per scrape). */
@ConfigMapping(prefix = "leadlistener.metrics")
public interface MetricsConfig {

    @WithDefault("15s")
    Duration refreshInterval();
}
