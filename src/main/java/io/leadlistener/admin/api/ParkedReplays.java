package io.leadlistener.admin.api;

import io.leadlistener.common.WorkSignal;
import io.leadlistener.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * What the endpoints for parked work share — inbox rows, outbox events, WeCom actions: the page limit, the answer to
 * a replay, and how a replay is done (its own transaction, logged with the admin's name, the worker woken at once).
 */
public final class ParkedReplays {

    /** The largest page of parked rows one request lists. */
    public static final int MAX_PAGE = 500;

    private static final Logger LOG = Logger.getLogger(ParkedReplays.class);

    private ParkedReplays() {
    }

    /** How many parked rows went back to pending. */
    public record Replayed(int replayed) {
    }

    /** A 400 naming the bound unless {@code 1 ≤ limit ≤ MAX_PAGE}. */
    public static void requirePageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("invalid-query-parameter",
                    "limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
    }

    /**
     * Runs {@code replay} in a transaction of its own; when it put anything back, logs it and wakes the worker.
     *
     * @param rows how the log names what was replayed, e.g. {@code "parked event(s)"}
     * @return how many went back to pending
     */
    public static int replay(Callable<Integer> replay, AdminCaller caller, String tenant, String rows,
                             WorkSignal worker) {
        int replayed = QuarkusTransaction.requiringNew().call(replay);
        if (replayed > 0) {
            LOG.infof("Admin %s replayed %d %s of tenant %s", caller.name(), replayed, rows, tenant);
            worker.signal();
        }
        return replayed;
    }
}
