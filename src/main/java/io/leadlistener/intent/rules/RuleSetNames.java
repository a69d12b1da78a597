package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.RuleFile;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Which rule sets exist: the reserved {@code default} and one per configured tenant. */
@ApplicationScoped
public class RuleSetNames {

    public static final String DEFAULT = RuleFile.DEFAULT_RULE_SET;

    private final TenantDirectory tenants;

    public RuleSetNames(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /** @throws NotFoundException if neither {@code default} nor a configured tenant */
    public String require(String ruleSet) {
        return DEFAULT.equals(ruleSet) ? ruleSet : tenants.require(ruleSet).id();
    }

    /** The rule sets whose layers make up {@code ruleSet}'s effective rules, lowest first. */
    public static List<String> layers(String ruleSet) {
        return DEFAULT.equals(ruleSet) ? List.of(DEFAULT) : List.of(DEFAULT, ruleSet);
    }

    public List<String> all() {
        List<String> names = new java.util.ArrayList<>();
        names.add(DEFAULT);
        tenants.all().forEach(tenant -> names.add(tenant.id()));
        return names;
    }
}
