package io.leadlistener.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one ingestion message from JSON and says precisely what is wrong with it: every problem at once, each with
 * the field it concerns, so a pipeline can fix a whole batch in one go.
 */
final class IngestedMessageReader {

    static final int MAX_TEXT_CODE_POINTS = 4_000;
    private static final int MAX_ID_LENGTH = 128;
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    private static final Set<String> FIELDS = Set.of("tenant", "contactId", "messageId", "text", "sentAt",
            "ownerUserId", "channel", "contactKind");

    record FieldError(String field, String detail) {
    }

    /** Either the message or its errors. */
    record Reading(IngestedMessage message, List<FieldError> errors) {
    }

    private IngestedMessageReader() {
    }

    static Reading read(JsonNode node, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("", "must be a JSON object with tenant, contactId, messageId and text"));
            return new Reading(null, errors);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a message (known: " + String.join(", ",
                        new java.util.TreeSet<>(FIELDS)) + ")"));
            }
        });
        String tenant = requiredText(node, "tenant", 64, errors);
        String contactId = requiredText(node, "contactId", MAX_ID_LENGTH, errors);
        String messageId = requiredText(node, "messageId", MAX_ID_LENGTH, errors);
        String text = string(node, "text", true, errors);
        if (text != null) {
            if (text.isBlank()) {
                errors.add(new FieldError("text", "must not be blank"));
            } else if (text.codePointCount(0, text.length()) > MAX_TEXT_CODE_POINTS) {
                errors.add(new FieldError("text", "is " + text.codePointCount(0, text.length())
                        + " characters (Unicode code points); at most " + MAX_TEXT_CODE_POINTS));
            }
        }
        Instant sentAt = receivedAt;
        String sentAtText = string(node, "sentAt", false, errors);
        if (sentAtText != null) {
            try {
                sentAt = OffsetDateTime.parse(sentAtText).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("sentAt", "'" + sentAtText + "' is not an ISO-8601 date-time with offset, "
                        + "e.g. 2026-11-23T08:00:00Z"));
            }
        }
        String owner = optionalText(node, "ownerUserId", 64, errors);
        String channel = string(node, "channel", false, errors);
        if (channel == null) {
            channel = IngestedMessage.DEFAULT_CHANNEL;
        } else if (!CHANNEL.matcher(channel).matches()) {
            errors.add(new FieldError("channel", "'" + channel + "' is not a channel name (lower-case letters, "
                    + "digits, '.', '_' or '-', at most 32)"));
        }
        String kind = string(node, "contactKind", false, errors);
        if (kind == null) {
            kind = IngestedMessage.KIND_API;
        } else if (!kind.equals(IngestedMessage.KIND_API) && !kind.equals(IngestedMessage.KIND_EXTERNAL)) {
            errors.add(new FieldError("contactKind", "'" + kind + "' must be 'api' or 'external'"));
        }
        if (!errors.isEmpty()) {
            return new Reading(null, errors);
        }
        return new Reading(new IngestedMessage(tenant, contactId, messageId, text, sentAt, owner, channel, kind),
                List.of());
    }

    private static String requiredText(JsonNode node, String field, int maxLength, List<FieldError> errors) {
        String value = string(node, field, true, errors);
        return value == null ? null : checkedId(field, value, maxLength, errors);
    }

    private static String optionalText(JsonNode node, String field, int maxLength, List<FieldError> errors) {
        String value = string(node, field, false, errors);
        return value == null ? null : checkedId(field, value, maxLength, errors);
    }

    private static String checkedId(String field, String value, int maxLength, List<FieldError> errors) {
        if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "is " + value.length() + " characters; at most " + maxLength));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return value;
    }

    /** The field's string value; null (with an error if required) when absent or JSON null. */
    private static String string(JsonNode node, String field, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string, not " + describe(value)));
            return null;
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static Map<String, Object> asMap(FieldError error, Integer index) {
        return index == null ? Map.of("field", error.field(), "detail", error.detail())
                : Map.of("index", index, "field", error.field(), "detail", error.detail());
    }
}
