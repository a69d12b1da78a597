package io.leadlistener.intent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.callback.xml.InboundMessage;
import io.leadlistener.callback.xml.InboundMessageParser;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxMessageHandler;
import io.leadlistener.inbox.MessageFacts;
import io.leadlistener.inbox.ProcessingOutcome;
import io.leadlistener.intent.api.TaggingView;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.intent.rules.TaggerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox worker's processing step: re-reads the stored message, and when it carries customer text, tags it with
 * the tenant's rules in force and stores intents, rule set version and the explanation with the message.
 */
@ApplicationScoped
public class TaggingMessageHandler implements InboxMessageHandler {

    private final TaggerRegistry taggers;
    private final ObjectMapper objectMapper;

    public TaggingMessageHandler(TaggerRegistry taggers, ObjectMapper objectMapper) {
        this.taggers = taggers;
        this.objectMapper = objectMapper;
    }

    @Override
    public ProcessingOutcome handle(InboxItem item) throws JsonProcessingException {
        if (item.payload() == null) {
            throw new IllegalStateException("inbox row " + item.id() + " has no payload (purged before processing)");
        }
        InboundMessage message = InboundMessageParser.parse(item.payload());
        Map<String, Object> facts = MessageFacts.of(message);
        if (!"text".equals(message.msgType()) || message.content() == null || message.content().isBlank()) {
            return ProcessingOutcome.untagged(facts);
        }
        TaggingResult result = taggers.tagger(item.tenantId()).tag(message.content());
        return new ProcessingOutcome(facts, Optional.of(new ProcessingOutcome.Tagging(result.intents(),
                result.ruleSetVersion(), objectMapper.writeValueAsString(TaggingView.of(result)))));
    }
}
