package io.leadlistener.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BacklogGaugesTest {

    @Test
    void aSecondInstanceOfTheApplicationOwnsTheGaugesInARegistryThatOutlivedTheFirst() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new BacklogGauges(registry, "leadlistener.inbox").set(1, 2, 3);

        BacklogGauges second = new BacklogGauges(registry, "leadlistener.inbox");
        second.set(10, 20, 30);

        assertThat(registry.get("leadlistener.inbox.pending").gauge().value()).isEqualTo(10);
        assertThat(registry.get("leadlistener.inbox.oldest.pending.age.seconds").gauge().value()).isEqualTo(20);
        assertThat(registry.get("leadlistener.inbox.parked").gauges()).singleElement()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(30));
    }

    @Test
    void aTaggedGaugeIsReplacedOnlyForItsOwnTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BacklogGauges.register(registry, "v", Tags.of("rule_set", "demo"), new AtomicLong(1));
        BacklogGauges.register(registry, "v", Tags.of("rule_set", "acme"), new AtomicLong(2));
        BacklogGauges.register(registry, "v", Tags.of("rule_set", "demo"), new AtomicLong(3));

        assertThat(registry.get("v").tags("rule_set", "demo").gauge().value()).isEqualTo(3);
        assertThat(registry.get("v").tags("rule_set", "acme").gauge().value()).isEqualTo(2);
    }
}
