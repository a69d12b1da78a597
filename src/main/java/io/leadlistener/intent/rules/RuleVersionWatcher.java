package io.leadlistener.intent.rules;

import io.leadlistener.intent.IntentConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Brings rule changes published on any replica into force here: a one-row-per-rule-set query every
 * {@code leadlistener.intent.reload-interval} (1 s), well inside the 2 s promise.
 */
@ApplicationScoped
public class RuleVersionWatcher {

    private static final Logger LOG = Logger.getLogger(RuleVersionWatcher.class);

    private final TaggerRegistry registry;

    public RuleVersionWatcher(TaggerRegistry registry, IntentConfig config) {
        this.registry = registry;
        LOG.infof("Checking for new intent rule versions every %s", config.reloadInterval());
    }

    @Scheduled(every = "${leadlistener.intent.reload-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollForNewVersions() {
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Could not check for new rule versions (database unavailable?): %s", e.toString());
        }
    }
}
