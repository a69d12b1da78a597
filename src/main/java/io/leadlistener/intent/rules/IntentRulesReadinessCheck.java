package io.leadlistener.intent.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when every tenant's intent rules are loaded: a replica that cannot tag would store callbacks it cannot
 * process. Reports the version in force per rule set.
 */
@Readiness
@ApplicationScoped
public class IntentRulesReadinessCheck implements HealthCheck {

    private final TaggerRegistry registry;

    public IntentRulesReadinessCheck(TaggerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("intent-rules");
        Map<String, Long> loaded = registry.loadedVersions();
        List<String> missing = missing(loaded);
        if (!missing.isEmpty()) {
            try {
                registry.refresh(); // the watcher may simply not have run yet (first second after start)
            } catch (RuntimeException e) {
                return response.down().withData("error", "rules could not be loaded: "
                        + e.getClass().getSimpleName()).build();
            }
            loaded = registry.loadedVersions();
            missing = missing(loaded);
        }
        loaded.forEach((ruleSet, version) -> response.withData(ruleSet, version));
        if (!missing.isEmpty()) {
            return response.down().withData("error", "no rules loaded for " + missing).build();
        }
        return response.up().build();
    }

    private List<String> missing(Map<String, Long> loaded) {
        return registry.required().stream().filter(name -> !loaded.containsKey(name)).toList();
    }
}
