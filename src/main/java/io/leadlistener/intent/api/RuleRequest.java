package io.leadlistener.intent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.InvalidRuleException;
import io.leadlistener.intent.engine.Proximity;
import io.leadlistener.intent.engine.ProximityEffect;
import io.leadlistener.intent.engine.ProximityScope;
import io.leadlistener.intent.engine.RuleDetail;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.engine.WordList;
import io.leadlistener.rest.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule as an admin sends it. {@code enabled} defaults to true; {@code note} to empty. A word set sends its name as
 * {@code keyword} and its {@code words} (intent {@code *}, the default); a combination or mention frame sends parts
 * {@code a} and {@code b} (words and {@code @set} references), {@code window} (1–30, default 8), {@code ordered}
 * (default false), {@code scope} ({@code clause}, the default, or {@code sentence}: commas may lie between the parts)
 * and, for a combination, {@code effect} ({@code tag}, the default, or {@code question}); its keyword is derived
 * from the parts.
 */
@Schema(name = "RuleRequest")
@JsonIgnoreProperties({"id"}) // a RuleView sent back as it was read
public record RuleRequest(String intent, String kind, String keyword, Boolean enabled, String note,
                          List<String> words, List<String> a, List<String> b, Integer window, Boolean ordered,
                          String effect, String scope) {

    /** A one-keyword rule. */
    public RuleRequest(String intent, String kind, String keyword, Boolean enabled, String note) {
        this(intent, kind, keyword, enabled, note, null, null, null, null, null, null, null);
    }

    /** Checks every field at once, so the caller sees all problems in one answer. */
    public IntentRule toRule() {
        List<Map<String, String>> errors = new ArrayList<>();
        RuleKind parsedKind = null;
        if (kind == null || kind.isBlank()) {
            errors.add(Map.of("field", "kind", "detail", "is required"));
        } else {
            try {
                parsedKind = RuleKind.fromCode(kind);
            } catch (IllegalArgumentException e) {
                errors.add(Map.of("field", "kind", "detail", e.getMessage()));
            }
        }
        boolean proximity = parsedKind != null && parsedKind.isProximity();
        boolean wordSet = parsedKind == RuleKind.WORD_SET;
        if (!wordSet && (intent == null || intent.isBlank())) {
            errors.add(Map.of("field", "intent", "detail", "is required"));
        }
        if (!proximity && (keyword == null || keyword.isBlank())) {
            errors.add(Map.of("field", "keyword", "detail", wordSet ? "is required: the word set's name" : "is required"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        try {
            RuleDetail detail = null;
            if (wordSet) {
                detail = new WordList(words);
            } else if (proximity) {
                ProximityEffect parsedEffect = effect == null || effect.isBlank()
                        ? ProximityEffect.defaultFor(parsedKind) : ProximityEffect.fromCode(effect);
                detail = new Proximity(a, b, window == null ? Proximity.DEFAULT_WINDOW : window,
                        Boolean.TRUE.equals(ordered), parsedEffect,
                        scope == null || scope.isBlank() ? ProximityScope.CLAUSE : ProximityScope.fromCode(scope));
            } else if (words != null || a != null || b != null || window != null || ordered != null || effect != null
                    || scope != null) {
                throw new InvalidRuleException("kind", parsedKind.code()
                        + " takes a keyword only; words, a, b, window, ordered, effect and scope belong to word_set, "
                        + "combination and mention_frame");
            }
            String ruleIntent = wordSet && (intent == null || intent.isBlank()) ? IntentRule.ANY_INTENT : intent.strip();
            return new IntentRule(ruleIntent, parsedKind, keyword == null ? "" : keyword.strip(),
                    enabled == null || enabled, note == null ? "" : note.strip(), detail);
        } catch (InvalidRuleException e) {
            throw invalid(List.of(Map.of("field", e.field(), "detail", e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(Map.of("field", e.getMessage().startsWith("intent") ? "intent" : "keyword",
                    "detail", e.getMessage())));
        }
    }

    private static ProblemException invalid(List<Map<String, String>> errors) {
        String detail = errors.stream().map(error -> error.get("field") + " " + error.get("detail"))
                .reduce((a, b) -> a + "; " + b).orElse("invalid rule");
        return new ProblemException(400, "invalid-rule", "Bad request", detail, Map.of("errors", errors));
    }
}
