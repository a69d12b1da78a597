package io.leadlistener.intent.rules;

import io.leadlistener.common.BacklogGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code leadlistener.intent.rule.set.version{rule_set}}: the version this replica tags with, per rule set, so a
 * dashboard shows at a glance whether every replica picked up a publish.
 */
@ApplicationScoped
public class RuleVersionMetrics {

    private final MeterRegistry registry;
    private final TaggerRegistry taggers;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    public RuleVersionMetrics(MeterRegistry registry, TaggerRegistry taggers) {
        this.registry = registry;
        this.taggers = taggers;
    }

    @Scheduled(every = "${leadlistener.metrics.refresh-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        taggers.loadedVersions().forEach((ruleSet, version) -> versions.computeIfAbsent(ruleSet, name ->
                BacklogGauges.register(registry, "leadlistener.intent.rule.set.version", Tags.of("rule_set", name),
                        new AtomicLong())).set(version));
    }
}
