package io.leadlistener.testsupport;

import io.leadlistener.events.LeadIds;
import java.util.ArrayList;
import java.util.List;

/**
 * One employee's messages to the demo tenant's app, in the order they are written, each with a sales intent, so each
 * yields a {@code lead.intent-tagged.v1} of the employee's lead (the first one also its {@code lead.created.v1}).
 * A message's plaintext is fixed once built: a redelivery is the same message, signed anew.
 */
public record Conversation(String user, List<Message> messages) {

    /** One text per built-in intent, so leads see every pool. */
    private static final List<String> TEXTS = List.of("麻烦报个价", "能寄样品吗", "想做你们区域代理");

    public record Message(String msgId, String plaintext) {
    }

    public static Conversation of(String user, int messageCount) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < messageCount; i++) {
            String msgId = WeComSimulator.nextMsgId();
            messages.add(new Message(msgId,
                    WeComSimulator.textMessage(user, TEXTS.get(i % TEXTS.size()) + " #" + i, msgId)));
        }
        return new Conversation(user, List.copyOf(messages));
    }

    public String leadId() {
        return LeadIds.leadId("demo", LeadIds.INTERNAL, user);
    }

    public List<String> messageIds() {
        return messages.stream().map(Message::msgId).toList();
    }
}
