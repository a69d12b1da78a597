package io.leadlistener.kf;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * 微信客服 metrics (names in docs/operations.md; access-token refreshes are {@code wecom.api.WeComApiMetrics}'): how far
 * the pull lags behind WeCom — per stored customer message, the time from its {@code send_time} to its storage in our inbox. A cursor that
 * falls behind (slow pulls, a backlog of pages, notifications waiting in the inbox) shows up there directly; a quiet
 * 客服账号 does not, unlike "time since the last pull".
 */
@ApplicationScoped
public class KfMetrics {

    private final MeterRegistry registry;

    public KfMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void messagePulled(String tenant, Duration sinceSent) {
        Timer.builder("leadlistener.kf.pull.lag")
                .description("微信客服 message send_time to its storage by the pull")
                .tag("tenant", tenant)
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceSent.isNegative() ? Duration.ZERO : sinceSent);
    }
}
