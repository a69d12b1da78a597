package io.leadlistener.wecom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token cache against the fake WeCom API over real HTTP: one refresh at a time, ahead of expiry. */
class AccessTokensTest {

    private FakeWeComApi wecom;
    private MutableClock clock;
    private AccessTokens tokens;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeComApi();
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        registry = new SimpleMeterRegistry();
        tokens = new AccessTokens(new WeComApiClient(new ObjectMapper()), clock, new WeComApiMetrics(registry));
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET);
            }));
        }
        go.countDown();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Future<String> result : results) {
            seen.add(result.get(10, TimeUnit.SECONDS));
        }
        pool.shutdownNow();
        assertThat(seen).containsExactly("at-1");
        assertThat(wecom.tokensIssued()).isEqualTo(1);
        assertThat(refreshes("refreshed")).isEqualTo(1);
    }

    @Test
    void theTokenIsRefreshedAheadOfItsExpiryNotBefore() {
        String first = tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET);
        clock.advance(Duration.ofSeconds(7200).minus(AccessTokens.REFRESH_AHEAD).minusSeconds(1));
        assertThat(tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET)).isNotEqualTo(first);
        assertThat(wecom.tokensIssued()).isEqualTo(2);
    }

    @Test
    void invalidatingAStaleTokenDoesNotDropAFresherOne() {
        String stale = tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET);
        tokens.invalidate(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET, stale);
        String fresh = tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET);
        // A second thread that saw the same stale token reports it late: the fresh token stays.
        tokens.invalidate(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET, stale);
        assertThat(tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.SECRET)).isEqualTo(fresh);
        assertThat(wecom.tokensIssued()).isEqualTo(2);
        assertThat(refreshes("invalidated")).as("only the invalidation that dropped a token counts").isEqualTo(1);
        assertThat(refreshes("refreshed")).isEqualTo(2);
    }

    @Test
    void aWrongSecretIsAnErrcode40001WithoutTheSecretInTheMessage() {
        assertThatThrownBy(() -> tokens.get(wecom.baseUrl(), FakeWeComApi.CORP_ID, "wrongSecret"))
                .isInstanceOfSatisfying(WeComApiException.class,
                        e -> assertThat(e.errcode()).isEqualTo(WeComApiException.INVALID_SECRET))
                .message().doesNotContain("wrongSecret");
        assertThat(refreshes("failed")).isEqualTo(1);
        assertThat(refreshes("refreshed")).isZero();
    }

    private double refreshes(String outcome) {
        var counter = registry.find("leadlistener.kf.access.token.refreshes").tag("corp", FakeWeComApi.CORP_ID)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
