package io.leadlistener.intent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.inbox.ProcessingOutcome;
import io.leadlistener.intent.TaggingView;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.intent.rules.TaggerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Tags a customer message with the tenant's rules in force, and renders the result for storage. */
@ApplicationScoped
public class MessageTagger {

    private final TaggerRegistry taggers;
    private final ObjectMapper objectMapper;

    public MessageTagger(TaggerRegistry taggers, ObjectMapper objectMapper) {
        this.taggers = taggers;
        this.objectMapper = objectMapper;
    }

    /** @return the tagging of a text from any source; empty when it is blank */
    public Optional<TaggingResult> tagText(String tenantId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(taggers.tagger(tenantId).tag(text));
    }

    /** What the inbox row keeps: intents, version and the explanation as the dry run shows it. */
    public ProcessingOutcome.Tagging stored(TaggingResult result) {
        try {
            return new ProcessingOutcome.Tagging(result.intents(), result.ruleSetVersion(),
                    objectMapper.writeValueAsString(TaggingView.of(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tagging result is not serializable", e);
        }
    }
}
