package io.leadlistener.callback;

import io.leadlistener.wecom.xml.InboundMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What on-call needs to know about a processed message without its text: type, sender, size, time. */
final class MessageFacts {

    private MessageFacts() {
    }

    static Map<String, Object> of(InboundMessage message) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", message.msgType());
        if (message.event() != null) {
            facts.put("event", message.event());
        }
        if (message.fromUserName() != null) { // a 微信客服 notification has no sender
            facts.put("from", message.fromUserName());
        }
        facts.put("contentLength", message.content() == null ? 0 : message.content().length());
        if (message.createTime() != null) {
            facts.put("createTime", Instant.ofEpochSecond(message.createTime()).toString());
        }
        return facts;
    }
}
