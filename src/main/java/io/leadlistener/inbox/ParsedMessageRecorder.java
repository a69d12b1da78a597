package io.leadlistener.inbox;

import io.leadlistener.callback.xml.InboundMessage;
import io.leadlistener.callback.xml.InboundMessageParser;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processing step until intent tagging exists: re-reads the stored message and records what it is
 * (type, sender, content length, creation time). Replaced by the intent pipeline, which declares its own bean.
 */
@DefaultBean
@ApplicationScoped
public class ParsedMessageRecorder implements InboxMessageHandler {

    @Override
    public ProcessingOutcome handle(InboxItem item) {
        if (item.payload() == null) {
            throw new IllegalStateException("inbox row " + item.id() + " has no payload (purged before processing)");
        }
        InboundMessage message = InboundMessageParser.parse(item.payload());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", message.msgType());
        if (message.event() != null) {
            facts.put("event", message.event());
        }
        facts.put("from", message.fromUserName());
        facts.put("contentLength", message.content() == null ? 0 : message.content().length());
        if (message.createTime() != null) {
            facts.put("createTime", Instant.ofEpochSecond(message.createTime()).toString());
        }
        return new ProcessingOutcome(facts);
    }
}
