package io.leadlistener.ingest;

import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxReading;
import io.leadlistener.inbox.MessageSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a message stored by the ingestion API reads: always a chat message (the API takes text only). */
@ApplicationScoped
public class IngestedMessageSource implements MessageSource {

    private final IngestedMessages ingested;

    public IngestedMessageSource(IngestedMessages ingested) {
        this.ingested = ingested;
    }

    @Override
    public String name() {
        return IngestedMessages.SOURCE;
    }

    @Override
    public InboxReading read(InboxItem item) {
        ChatMessage message = ingested.fromInbox(item.payload());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", "text");
        facts.put("from", message.contact().id());
        facts.put("contentLength", message.text() == null ? 0 : message.text().length());
        facts.put("sentAt", message.sentAt().toString());
        return new InboxReading.Message(message, facts);
    }

    @Override
    public String textOf(String payload) {
        return ingested.fromInbox(payload).text();
    }
}
