package io.leadlistener.wecom.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * WeCom server-API metrics (names in docs/operations.md): access-token fetches and invalidations by corp and outcome.
 * The name keeps its {@code kf} from when 微信客服 pulling was the only caller; it counts every token now.
 */
@ApplicationScoped
public class WeComApiMetrics {

    private final MeterRegistry registry;

    public WeComApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A token was fetched from WeCom (first use or ahead of expiry). */
    void tokenRefreshed(String corpId) {
        tokenRefresh(corpId, "refreshed");
    }

    /** Fetching a token failed (rejected secret, WeCom down). */
    void tokenRefreshFailed(String corpId) {
        tokenRefresh(corpId, "failed");
    }

    /** WeCom rejected a cached token before its expiry; it was dropped and is fetched anew. */
    void tokenInvalidated(String corpId) {
        tokenRefresh(corpId, "invalidated");
    }

    private void tokenRefresh(String corpId, String outcome) {
        Counter.builder("leadlistener.kf.access.token.refreshes")
                .description("WeCom access-token fetches and invalidations")
                .tag("corp", corpId)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
