package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IntentTaggerHolderTest {

    private static IntentTagger version(long version, String keyword) {
        return new IntentTagger(RuleSet.compile(version, List.of(IntentRule.of("quote", RuleKind.KEYWORD, keyword))));
    }

    @Test
    void taggingUsesThePublishedRuleSet() {
        IntentTaggerHolder holder = new IntentTaggerHolder(version(1, "报价"));
        assertThat(holder.tag("价格").intents()).isEmpty();

        IntentTagger previous = holder.publish(version(2, "价格"));

        assertThat(previous.ruleSetVersion()).isEqualTo(1);
        assertThat(holder.tag("价格").intents()).containsExactly("quote");
        assertThat(holder.tag("价格").ruleSetVersion()).isEqualTo(2);
    }

    @Test
    void publishIfNewerNeverPutsAnOlderRuleSetBack() {
        IntentTaggerHolder holder = new IntentTaggerHolder(version(5, "报价"));

        assertThat(holder.publishIfNewer(version(4, "价格"))).isFalse();
        assertThat(holder.publishIfNewer(version(5, "价格"))).isFalse();
        assertThat(holder.publishIfNewer(version(6, "价格"))).isTrue();
        assertThat(holder.current().ruleSetVersion()).isEqualTo(6);
    }

    @Test
    void readersSeeOneWholeRuleSetWhilePublicationsRace() throws Exception {
        IntentTaggerHolder holder = new IntentTaggerHolder(version(0, "报价"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = pool.submit(() -> {
                for (int i = 0; i < 20_000; i++) {
                    TaggingResult result = holder.tag("报价 价格");
                    // version v matches 报价 when even and 价格 when odd: never a mix
                    String expected = result.ruleSetVersion() % 2 == 0 ? "报价" : "价格";
                    assertThat(result.matches()).singleElement().satisfies(m -> assertThat(m.keyword()).isEqualTo(expected));
                }
            });
            for (long v = 1; v <= 200; v++) {
                holder.publishIfNewer(version(v, v % 2 == 0 ? "报价" : "价格"));
            }
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(holder.current().ruleSetVersion()).isEqualTo(200);
    }
}
