package io.leadlistener.lead.view;

import io.leadlistener.errors.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's query parameters, checked all at once: an unknown or repeated name, an empty value, a bad instant or
 * number each become a field error, and {@link #throwIfInvalid()} answers them together (400, one entry per field).
 */
final class QueryParameters {

    private final Map<String, List<String>> values;
    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    QueryParameters(Map<String, List<String>> values, Set<String> known) {
        this.values = values;
        for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                error(parameter.getKey(), "unknown parameter; this endpoint takes " + String.join(", ",
                        new TreeSet<>(known)));
            } else if (parameter.getValue().size() > 1) {
                error(parameter.getKey(), "given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }

    /** @return the value, or null when absent (or wrong: then an error is recorded) */
    String text(String name, int maxLength) {
        List<String> given = values.get(name);
        if (given == null || given.size() != 1) {
            return null;
        }
        String value = given.get(0).strip();
        if (value.isEmpty()) {
            error(name, "must not be empty; leave the parameter out instead");
            return null;
        }
        if (value.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** An RFC 3339 date-time with an offset, e.g. 2026-12-01T00:00:00Z or 2026-12-01T08:00:00+08:00. */
    Instant instant(String name) {
        String value = text(name, 64);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            error(name, "'" + value + "' is not an RFC 3339 date-time with an offset, e.g. 2026-12-01T00:00:00Z");
            return null;
        }
    }

    /** @return the number, {@code fallback} when absent, or {@code fallback} with an error when outside [min, max] */
    int integer(String name, int min, int max, int fallback) {
        String value = text(name, 16);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        error(name, "must be a whole number from " + min + " to " + max + ", not '" + value + "'");
        return fallback;
    }

    /** Records that {@code from} must come before {@code to} when both are given. */
    void requireOrder(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            error(toName, toName + " must be after " + fromName);
        }
    }

    void error(String field, String detail) {
        errors.add(new InvalidInputException.FieldError(field, detail));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        String summary = errors.stream().map(error -> error.field() + ": " + error.detail())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        throw new InvalidInputException("invalid-query", summary, errors);
    }
}
