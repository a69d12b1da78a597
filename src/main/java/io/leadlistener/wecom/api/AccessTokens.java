package io.leadlistener.wecom.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * WeCom access tokens, cached per (API base URL, corp, secret) and refreshed ahead of {@code expires_in}. One refresh
 * at a time per key: threads that need the same token wait for the refresh in flight instead of starting their own.
 * Other replicas keep caches of their own; WeCom hands every caller a valid token, and a token that WeCom rejects
 * anyway is dropped with {@link #invalidate} (only if it is still the cached one) and fetched anew.
 */
@ApplicationScoped
public class AccessTokens {

    /** Refresh this long before WeCom's expiry (or at half the lifetime for short-lived tokens). */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private record Key(String baseUrl, String corpId, String secret) {
        @Override
        public String toString() {
            return "Key[" + baseUrl + ", " + corpId + ", ****]";
        }
    }

    private record Cached(String token, Instant refreshAt) {
    }

    /** Holds the cached token of one key; its monitor serialises refreshes of that key. */
    private static final class Slot {
        private Cached cached;
    }

    private final WeComApiClient api;
    private final Clock clock;
    private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();

    private final WeComApiMetrics metrics;

    public AccessTokens(WeComApiClient api, Clock clock, WeComApiMetrics metrics) {
        this.api = api;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A token that is valid for a while yet; fetches one (once, whatever the number of callers) when needed. */
    public String get(String baseUrl, String corpId, String secret) {
        Slot slot = slots.computeIfAbsent(new Key(baseUrl, corpId, secret), key -> new Slot());
        synchronized (slot) {
            if (slot.cached == null || !clock.instant().isBefore(slot.cached.refreshAt())) {
                WeComApiClient.AccessToken fresh;
                try {
                    fresh = api.getToken(baseUrl, corpId, secret);
                } catch (RuntimeException e) {
                    metrics.tokenRefreshFailed(corpId);
                    throw e;
                }
                metrics.tokenRefreshed(corpId);
                Duration lifetime = fresh.expiresIn();
                Duration ahead = lifetime.compareTo(REFRESH_AHEAD.multipliedBy(2)) > 0
                        ? REFRESH_AHEAD : lifetime.dividedBy(2);
                slot.cached = new Cached(fresh.token(), clock.instant().plus(lifetime).minus(ahead));
            }
            return slot.cached.token();
        }
    }

    /** Forgets {@code rejected} if it is still the cached token (another thread may have refreshed already). */
    public void invalidate(String baseUrl, String corpId, String secret, String rejected) {
        Slot slot = slots.get(new Key(baseUrl, corpId, secret));
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            if (slot.cached != null && Objects.equals(slot.cached.token(), rejected)) {
                slot.cached = null;
                metrics.tokenInvalidated(corpId);
            }
        }
    }
}
