package io.leadlistener.intent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class TaggerRegistryTest {

    @Inject
    TaggerRegistry registry;

    @Inject
    RuleStore store;

    @Test
    void aTenantWithoutRulesOfItsOwnUsesTheTaggerCompiledForDefault() {
        registry.refresh();
        // lab is the test profile's tenant that no test gives rules of its own; default's seeded rules are all enabled.
        assertThat(QuarkusTransaction.requiringNew().call(store::latestVersions)).doesNotContainKey("lab");
        List<StoredRule> defaults = QuarkusTransaction.requiringNew().call(() ->
                store.versionRules(store.latestVersion(RuleSetNames.DEFAULT).orElseThrow()));
        assertThat(defaults).isNotEmpty().allMatch(rule -> rule.rule().enabled());

        IntentTagger lab = registry.tagger("lab");
        IntentTagger defaultTagger = registry.tagger(RuleSetNames.DEFAULT);

        assertThat(lab).as("compiled once, shared").isSameAs(defaultTagger);
        assertThat(lab.tag("能寄样品吗").intents()).contains("sample");
    }
}
