package io.leadlistener.intent.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.intent.engine.Proximity;
import io.leadlistener.intent.engine.ProximityEffect;
import io.leadlistener.intent.engine.ProximityScope;
import io.leadlistener.intent.engine.RuleDetail;
import io.leadlistener.intent.engine.WordList;
import java.util.List;

/** A rule's {@link RuleDetail} as the {@code detail} column stores it (JSON), and back. */
final class RuleDetailJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Stored(List<String> words, List<String> a, List<String> b, Integer window, Boolean ordered,
                          String effect, String scope) {
    }

    private RuleDetailJson() {
    }

    static String write(RuleDetail detail) {
        Stored stored;
        if (detail == null) {
            return null;
        } else if (detail instanceof WordList list) {
            stored = new Stored(list.words(), null, null, null, null, null, null);
        } else {
            Proximity p = (Proximity) detail;
            stored = new Stored(null, p.a(), p.b(), p.window(), p.ordered(), p.effect().code(), p.scope().code());
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule detail is not serializable", e);
        }
    }

    static RuleDetail read(String json) {
        if (json == null) {
            return null;
        }
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            if (stored.words() != null) {
                return new WordList(stored.words());
            }
            return new Proximity(stored.a(), stored.b(), stored.window(), Boolean.TRUE.equals(stored.ordered()),
                    ProximityEffect.fromCode(stored.effect()),
                    stored.scope() == null ? ProximityScope.CLAUSE : ProximityScope.fromCode(stored.scope()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule detail is not readable: " + json, e);
        }
    }
}
