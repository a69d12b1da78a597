package io.leadlistener.intent.rules;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Brings rule changes published on any replica into force here: a one-row-per-rule-set query every
 * {@code leadlistener.intent.reload-interval} (1 s), well inside the 2 s promise.
 */
@ApplicationScoped
public class RuleVersionWatcher {

    private static final Logger LOG = Logger.getLogger(RuleVersionWatcher.class);

    private final TaggerRegistry registry;
    private volatile boolean stopping;

    public RuleVersionWatcher(TaggerRegistry registry, IntentConfig config) {
        this.registry = registry;
        LOG.infof("Checking for new intent rule versions every %s", config.reloadInterval());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${leadlistener.intent.reload-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollForNewVersions() {
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            if (stopping) {
                // A check still running while the application stops finds the database closed: not a fault.
                LOG.debugf("Rule version check ended by shutdown: %s", e.toString());
                return;
            }
            LOG.warnf("Could not check for new rule versions (database unavailable?): %s", e.toString());
        }
    }
}
