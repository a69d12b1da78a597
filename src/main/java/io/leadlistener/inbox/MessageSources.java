package io.leadlistener.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The {@link MessageSource} beans by name: how the worker, re-tags, previews and look-ups read any stored row. */
@ApplicationScoped
public class MessageSources {

    private final Map<String, MessageSource> byName = new HashMap<>();

    @Inject
    public MessageSources(Instance<MessageSource> sources) {
        this((Iterable<MessageSource>) sources);
    }

    MessageSources(Iterable<MessageSource> sources) {
        for (MessageSource source : sources) {
            MessageSource clash = byName.put(source.name(), source);
            if (clash != null) {
                throw new IllegalStateException("two message sources are named '" + source.name() + "': "
                        + clash.getClass().getName() + " and " + source.getClass().getName());
            }
        }
    }

    public InboxReading read(InboxItem item) {
        return of(item.source()).read(item);
    }

    public String textOf(String source, String payload) {
        return of(source).textOf(payload);
    }

    /** False for a source nobody reads: processing such a row fails on its own and parks it, like any bad row. */
    public boolean callsOut(String source, String event) {
        MessageSource found = byName.get(source);
        return found != null && found.callsOut(event);
    }

    private MessageSource of(String source) {
        MessageSource found = byName.get(source);
        if (found == null) {
            throw new IllegalStateException("no message source reads inbox rows of source '" + source + "'");
        }
        return found;
    }
}
