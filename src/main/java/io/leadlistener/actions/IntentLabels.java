package io.leadlistener.actions;

import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.RuleStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's labels of its intents (the intents API's {@code label}), read once per transaction: a custom intent's
 * alert says what sales ops called it, not its id. The tenant's own label wins over the shared rule set's.
 */
@ApplicationScoped
public class IntentLabels {

    private final RuleStore rules;
    private final TransactionSynchronizationRegistry transactions;

    public IntentLabels(RuleStore rules, TransactionSynchronizationRegistry transactions) {
        this.rules = rules;
        this.transactions = transactions;
    }

    @SuppressWarnings("unchecked")
    Map<String, String> forTransaction(String tenant) {
        String key = "intent-labels:" + tenant;
        if (transactions.getResource(key) instanceof Map<?, ?> labels) {
            return (Map<String, String>) labels;
        }
        List<String> layers = RuleSetNames.layers(tenant);
        Map<String, String> labels = new HashMap<>();
        // Layers come shared first, tenant last (RuleSetNames), so the tenant's label is put last and wins.
        List<RuleStore.IntentDefinition> defined = rules.intents(layers);
        for (String layer : layers) {
            defined.stream().filter(intent -> intent.ruleSet().equals(layer) && !intent.label().isBlank())
                    // The shipped set's short labels (样品, 代理) are the console's; alerts name the built-in intents
                    // as sales teams say them (样品需求, 代理加盟) unless the tenant labels them itself.
                    .filter(intent -> !(RuleSetNames.DEFAULT.equals(layer)
                            && AlertComposer.BUILT_IN_LABELS.containsKey(intent.name())))
                    .forEach(intent -> labels.put(intent.name(), intent.label()));
        }
        transactions.putResource(key, Map.copyOf(labels));
        return labels;
    }
}
