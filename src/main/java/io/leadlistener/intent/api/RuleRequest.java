package io.leadlistener.intent.api;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rule as an admin sends it. {@code enabled} defaults to true; {@code note} to empty. */
public record RuleRequest(String intent, String kind, String keyword, Boolean enabled, String note) {

    /** Checks every field at once, so the caller sees all problems in one answer. */
    public IntentRule toRule() {
        List<Map<String, String>> errors = new ArrayList<>();
        if (intent == null || intent.isBlank()) {
            errors.add(Map.of("field", "intent", "detail", "is required"));
        }
        if (keyword == null || keyword.isBlank()) {
            errors.add(Map.of("field", "keyword", "detail", "is required"));
        }
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
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        try {
            return new IntentRule(intent.strip(), parsedKind, keyword.strip(), enabled == null || enabled,
                    note == null ? "" : note.strip());
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
