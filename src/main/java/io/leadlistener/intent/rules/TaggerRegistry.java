package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.engine.IntentTaggerHolder;
import io.leadlistener.intent.engine.RuleSet;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The tagger in force for each rule set, rebuilt when a published version appears (here or on another replica) and
 * swapped in atomically. A tenant's effective version is the higher of its own latest version and default's, which
 * both come from one sequence: any change to either layer yields a higher number.
 */
@ApplicationScoped
public class TaggerRegistry {

    private static final Logger LOG = Logger.getLogger(TaggerRegistry.class);

    private final RuleStore store;
    private final RuleSetNames names;
    private final Map<String, IntentTaggerHolder> holders = new ConcurrentHashMap<>();

    public TaggerRegistry(RuleStore store, RuleSetNames names) {
        this.store = store;
        this.names = names;
    }

    /** The tagger in force for a rule set ({@code default} or a tenant id); loads it on first use. */
    public IntentTagger tagger(String ruleSet) {
        IntentTaggerHolder holder = holders.get(ruleSet);
        if (holder == null) {
            refresh();
            holder = holders.get(ruleSet);
            if (holder == null) {
                throw new IllegalArgumentException("no rule set '" + ruleSet + "'");
            }
        }
        return holder.current();
    }

    /** The version in force per rule set loaded so far; a configured tenant missing here has no tagger yet. */
    public Map<String, Long> loadedVersions() {
        Map<String, Long> versions = new java.util.TreeMap<>();
        holders.forEach((ruleSet, holder) -> versions.put(ruleSet, holder.current().ruleSetVersion()));
        return versions;
    }

    /** The rule sets that must be loaded before messages can be tagged: {@code default} and every tenant. */
    public List<String> required() {
        return names.all();
    }

    /**
     * Rebuilds every rule set whose effective version changed since the last look. Cheap when nothing changed: one
     * query for the latest versions.
     */
    public synchronized void refresh() {
        Map<String, Long> latest = QuarkusTransaction.requiringNew().call(store::latestVersions);
        long defaultVersion = latest.getOrDefault(RuleSetNames.DEFAULT, 0L);
        // Read default's rules at most once per refresh, however many tenants need rebuilding.
        List<IntentRule> defaults = null;
        Compilations compiled = new Compilations();
        for (String ruleSet : names.all()) {
            long effective = Math.max(defaultVersion, latest.getOrDefault(ruleSet, 0L));
            IntentTaggerHolder holder = holders.get(ruleSet);
            if (holder != null && holder.current().ruleSetVersion() >= effective) {
                continue;
            }
            try {
                if (defaults == null) {
                    defaults = rulesOf(latest.get(RuleSetNames.DEFAULT));
                }
                IntentTagger tagger = compiled.of(effective, effectiveRules(ruleSet, defaults, latest));
                if (holder == null) {
                    holders.put(ruleSet, new IntentTaggerHolder(tagger));
                } else {
                    holder.publishIfNewer(tagger);
                }
                LOG.infof("Rule set %s now in force at version %d (%d rules)", ruleSet, effective,
                        tagger.ruleSet().rules().size());
            } catch (RuntimeException e) {
                // Publishing validates before it commits, so this is a defect or a hand edit: keep what is in force.
                LOG.errorf(e, "Could not build rule set %s at version %d; the version in force stays", ruleSet,
                        effective);
            }
        }
    }

    /**
     * The taggers one refresh compiles, each distinct (version, rules) once. Tenants without rules of their own have
     * default's rules: they share its tagger (at start, and whenever default changes, every such tenant is rebuilt)
     * instead of compiling and holding a copy each. A tagger is immutable, so sharing one is safe.
     */
    static final class Compilations {

        private record Key(long version, List<IntentRule> rules) {
        }

        private final Map<Key, IntentTagger> compiled = new HashMap<>();

        IntentTagger of(long version, List<IntentRule> rules) {
            return compiled.computeIfAbsent(new Key(version, List.copyOf(rules)),
                    key -> new IntentTagger(RuleSet.compile(key.version(), key.rules())));
        }
    }

    private List<IntentRule> effectiveRules(String ruleSet, List<IntentRule> defaults, Map<String, Long> latest) {
        return RuleSetNames.DEFAULT.equals(ruleSet) ? defaults
                : EffectiveRules.combine(defaults, rulesOf(latest.get(ruleSet)));
    }

    private List<IntentRule> rulesOf(Long version) {
        return version == null ? List.of() : QuarkusTransaction.requiringNew().call(() ->
                store.versionRules(version).stream().map(StoredRule::rule).toList());
    }
}
