package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleFile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * On first start against an empty database, publishes the shipped dictionary ({@value RuleFile#DEFAULT_RULES_RESOURCE})
 * as version 1 of rule set {@code default}, with the three built-in intents. Later shipped-dictionary changes do not
 * overwrite what sales ops edited: they are applied like any other change, through the admin API.
 * Runs before the inbox worker starts, so no message is tagged with an empty rule set.
 */
@ApplicationScoped
public class DefaultDictionarySeeder {

    private static final Logger LOG = Logger.getLogger(DefaultDictionarySeeder.class);
    private static final String ACTOR = "system:shipped-dictionary";

    private final RuleStore store;
    private final TaggerRegistry registry;

    public DefaultDictionarySeeder(RuleStore store, TaggerRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void seedOnStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        registry.refresh();
    }

    void seedIfEmpty() {
        // The rule set lock serialises replicas starting together: only the first one seeds.
        store.lockRuleSet(RuleSetNames.DEFAULT);
        if (store.latestVersion(RuleSetNames.DEFAULT).isPresent()) {
            return;
        }
        store.addIntent(new RuleStore.IntentDefinition(RuleSetNames.DEFAULT, "quote", "报价", "asks for a price or quotation"), ACTOR);
        store.addIntent(new RuleStore.IntentDefinition(RuleSetNames.DEFAULT, "sample", "样品", "asks for samples or a trial"), ACTOR);
        store.addIntent(new RuleStore.IntentDefinition(RuleSetNames.DEFAULT, "agency", "代理", "wants to become an agent, distributor or franchisee"), ACTOR);
        List<IntentRule> shipped = RuleFile.defaultRules();
        List<StoredRule> rules = shipped.stream()
                .map(rule -> store.addDraftRule(RuleSetNames.DEFAULT, rule, ACTOR).orElseThrow(() ->
                        new IllegalStateException("shipped dictionary repeats " + rule)))
                .toList();
        long version = store.insertVersion(RuleSetNames.DEFAULT, rules, ACTOR, "seed", null);
        store.audit(RuleSetNames.DEFAULT, version, ACTOR, "seed", "{\"summary\":\"" + rules.size() + " added\"}");
        LOG.infof("Seeded rule set default with the shipped dictionary: %d rules, version %d", rules.size(), version);
    }
}
