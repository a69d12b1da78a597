package io.leadlistener.lead.view;

import io.leadlistener.events.LeadEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;

/**
 * What a lead list asks for: each filter null when not given. Time windows are half-open, [from, to).
 *
 * @param intent      leads tagged with this intent id at least once
 * @param owner       the owner's WeCom userid
 * @param createdFrom leads created (their first callback arrived) at or after
 * @param seenFrom    leads last seen (their latest message was sent) at or after
 * @param search      lower-cased text found in the customer's name, company or a salesperson's remark
 * @param limit       page size
 * @param after       the created_seq the previous page ended at (exclusive), or null for the first page
 */
record LeadFilter(String intent, String pool, String owner, String channel, Instant createdFrom, Instant createdTo,
                  Instant seenFrom, Instant seenTo, String search, int limit, Long after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> PARAMETERS = Set.of("intent", "pool", "owner", "channel", "createdFrom", "createdTo",
            "seenFrom", "seenTo", "q", "limit", "cursor");

    /** @throws io.leadlistener.errors.InvalidInputException naming every wrong parameter */
    static LeadFilter parse(Map<String, List<String>> query) {
        QueryParameters parameters = new QueryParameters(query, PARAMETERS);
        String channel = parameters.text("channel", 64);
        if (channel != null && !LeadEvent.CHANNELS.contains(channel)) {
            parameters.error("channel", "unknown channel '" + channel + "'; channels are "
                    + String.join(", ", new TreeSet<>(LeadEvent.CHANNELS)));
            channel = null;
        }
        Instant createdFrom = parameters.instant("createdFrom");
        Instant createdTo = parameters.instant("createdTo");
        parameters.requireOrder("createdFrom", createdFrom, "createdTo", createdTo);
        Instant seenFrom = parameters.instant("seenFrom");
        Instant seenTo = parameters.instant("seenTo");
        parameters.requireOrder("seenFrom", seenFrom, "seenTo", seenTo);
        String q = parameters.text("q", 100);
        String cursor = parameters.text("cursor", 100);
        Long after = null;
        if (cursor != null) {
            after = LeadCursor.decode(cursor).orElse(null);
            if (after == null) {
                parameters.error("cursor", "not a cursor this API issued; pass nextCursor of the previous page as is");
            }
        }
        LeadFilter filter = new LeadFilter(parameters.text("intent", 64), parameters.text("pool", 128),
                parameters.text("owner", 128), channel, createdFrom, createdTo, seenFrom, seenTo,
                q == null ? null : q.toLowerCase(java.util.Locale.ROOT),
                parameters.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT), after);
        parameters.throwIfInvalid();
        return filter;
    }
}
