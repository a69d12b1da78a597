package io.leadlistener.lead.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the pool for a message's intents: the intent with the highest precedence decides (agency > sample > quote
 * by default, so a would-be distributor asking for a price goes to channel partners), unlisted intents rank after,
 * alphabetically.
 */
public final class LeadRouter {

    private final Map<String, String> pools;
    private final List<String> precedence;
    private final String defaultPool;

    public LeadRouter(Map<String, String> pools, List<String> precedence, String defaultPool) {
        this.pools = Map.copyOf(pools);
        this.precedence = List.copyOf(precedence);
        this.defaultPool = defaultPool;
    }

    public record Route(String intent, String pool) {
    }

    public Optional<Route> route(List<String> intents) {
        return intents.stream()
                .min(Comparator.comparingInt(this::rank).thenComparing(Comparator.naturalOrder()))
                .map(intent -> new Route(intent, pools.getOrDefault(intent, defaultPool)));
    }

    private int rank(String intent) {
        int index = precedence.indexOf(intent);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
