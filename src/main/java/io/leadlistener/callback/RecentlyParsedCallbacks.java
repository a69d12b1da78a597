package io.leadlistener.callback;

import io.leadlistener.wecom.xml.InboundMessage;
import io.leadlistener.wecom.xml.InboundMessageParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The messages this replica's callbacks parsed recently, so the inbox worker does not parse the same XML again
 * (issue 24: the second parse was a fifth of the worker's own CPU and a large share of the garbage per message). Only
 * a shortcut: a row whose message is not here — stored by another replica, before a restart, or pushed out by newer
 * ones while the worker was behind — is parsed from its stored payload, and a remembered message is used only for the
 * very payload it was parsed from.
 */
@ApplicationScoped
public class RecentlyParsedCallbacks {

    /** Enough for several seconds of traffic at full speed; a few MB at most. */
    static final int CAPACITY = 4096;

    private record Parsed(String payload, InboundMessage message) {
    }

    private final Map<List<String>, Parsed> byKey = new ConcurrentHashMap<>();
    /** Keys in the order remembered; bounds the map (entries already taken are skipped when they come up). */
    private final Queue<List<String>> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ordered = new AtomicInteger();

    /** Remembers the message parsed from {@code payload}, stored under the tenant's dedupe key. */
    void remember(String tenantId, String dedupeKey, String payload, InboundMessage message) {
        List<String> key = List.of(tenantId, dedupeKey);
        if (byKey.put(key, new Parsed(payload, message)) != null) {
            return;
        }
        order.add(key);
        if (ordered.incrementAndGet() > CAPACITY) {
            List<String> oldest = order.poll();
            if (oldest != null) {
                ordered.decrementAndGet();
                byKey.remove(oldest);
            }
        }
    }

    /** The message of a stored row: the one its callback parsed, if remembered for this payload, else parsed now. */
    InboundMessage parse(String tenantId, String dedupeKey, String payload) {
        Parsed parsed = dedupeKey == null ? null : byKey.remove(List.of(tenantId, dedupeKey));
        if (parsed != null && parsed.payload().equals(payload)) {
            return parsed.message();
        }
        return InboundMessageParser.parse(payload);
    }
}
