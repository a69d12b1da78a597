package io.leadlistener.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A small optional JSON body of whole-number settings, such as {@code {"days": 7, "maxMessages": 5000}}. Read field by
 * field so that a misspelt field is an error naming it, not a silently applied default.
 */
public final class WholeNumberFields {

    private WholeNumberFields() {
    }

    /**
     * @param defaults every known field with the value it takes when absent
     * @return every known field's value
     * @throws ProblemException 400 ({@code slug}) naming each unknown field and each value that is not a whole number
     */
    public static Map<String, Integer> read(JsonNode body, Map<String, Integer> defaults, String slug) {
        Map<String, Integer> values = new LinkedHashMap<>(defaults);
        String known = String.join(", ", new TreeSet<>(defaults.keySet()));
        if (body == null || body.isNull()) {
            return values;
        }
        if (!body.isObject()) {
            throw ProblemException.badRequest(slug, "the body must be a JSON object with the fields "
                    + known);
        }
        List<Map<String, String>> errors = new ArrayList<>();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!defaults.containsKey(field.getKey())) {
                errors.add(Map.of("field", field.getKey(),
                        "detail", "is not a known field (known: " + known + ")"));
            } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                values.put(field.getKey(), value.intValue());
            } else if (!value.isNull()) {
                errors.add(Map.of("field", field.getKey(), "detail", "must be a whole number, got " + value));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(400, slug, "Bad Request", errors.stream()
                    .map(error -> error.get("field") + " " + error.get("detail"))
                    .collect(java.util.stream.Collectors.joining("; ")), Map.of("errors", errors));
        }
        return values;
    }
}
