package io.leadlistener.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.errors.InvalidInputException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a JSON body into a typed request record and validates it with Bean Validation, reporting <b>every</b>
 * problem at once — unknown fields, values of the wrong JSON type, failed constraints — each naming its field, so a
 * caller (or a pipeline with a whole batch) fixes everything in one go. Jackson alone stops at the first problem;
 * here the JSON types are checked first against the record's components, the well-typed fields are bound, and the
 * constraints run on the result. JSON {@code null} is an absent field; names in the record's
 * {@code @JsonIgnoreProperties} are tolerated and ignored.
 *
 * <p>Component types understood: {@code String}, {@code Integer}/{@code Long}, {@code Boolean}, {@code Instant}
 * (ISO-8601 with offset), {@code List<String>}, {@code Map<String, String>}. A field with a type error is not also
 * reported as missing.
 */
@ApplicationScoped
public class JsonBodies {

    /** The record and its problems: {@code value} is null when there are problems. */
    public record Reading<T>(T value, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ObjectMapper objectMapper;
    private final Validator validator;

    public JsonBodies(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    /**
     * @param whatItIs how the body is named when it is not an object, e.g. "a JSON object with tenant, contactId,
     *                 messageId and text"
     */
    public <T extends Record> Reading<T> read(JsonNode body, Class<T> type, String whatItIs) {
        return read(body, type, whatItIs, "is not a known field");
    }

    /**
     * @param unknownField what an unknown field is told, before the list of known ones (e.g. "is not a field of a
     *                     message")
     */
    public <T extends Record> Reading<T> read(JsonNode body, Class<T> type, String whatItIs, String unknownField) {
        if (body == null || !body.isObject()) {
            return new Reading<>(null, List.of(new FieldError("", "must be " + whatItIs)));
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        List<FieldError> errors = new ArrayList<>();
        String known = String.join(", ", new TreeSet<>(components.keySet()));
        // Names a record lists in @JsonIgnoreProperties are tolerated: the read-only fields of the view an endpoint
        // answers with, so a client's read-modify-write round trip still works.
        JsonIgnoreProperties tolerated = type.getAnnotation(JsonIgnoreProperties.class);
        List<String> ignored = tolerated == null ? List.of() : List.of(tolerated.value());
        body.fieldNames().forEachRemaining(name -> {
            if (!components.containsKey(name) && !ignored.contains(name)) {
                errors.add(new FieldError(name, unknownField + " (known: " + known + ")"));
            }
        });
        ObjectNode wellTyped = objectMapper.createObjectNode();
        List<FieldError> fieldErrors = new ArrayList<>();
        List<String> mistyped = new ArrayList<>();
        for (RecordComponent component : components.values()) {
            JsonNode value = body.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            Optional<String> problem = typeProblem(component.getGenericType(), value);
            if (problem.isPresent()) {
                fieldErrors.add(new FieldError(component.getName(), problem.get()));
                mistyped.add(component.getName());
            } else if (component.getType() == Instant.class) {
                // Bound as the instant it names, whatever offset the caller wrote.
                wellTyped.put(component.getName(), OffsetDateTime.parse(value.asText()).toInstant().toString());
            } else {
                wellTyped.set(component.getName(), value);
            }
        }
        T value;
        try {
            value = objectMapper.treeToValue(wellTyped, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a body checked against " + type.getSimpleName() + " did not bind", e);
        }
        validator.validate(value).stream()
                .filter(violation -> !mistyped.contains(field(violation)))
                .sorted(Comparator.comparing(ConstraintViolation::getMessage))
                .forEach(violation -> fieldErrors.add(new FieldError(field(violation), violation.getMessage())));
        // Unknown fields first, then field by field in the record's order (a stable sort keeps each field's own).
        fieldErrors.sort(Comparator.comparingInt(error -> order(components, error.field())));
        errors.addAll(fieldErrors);
        return errors.isEmpty() ? new Reading<>(value, List.of()) : new Reading<>(null, List.copyOf(errors));
    }

    /**
     * An optional body of settings ({@code {"days": 7}}): absent or JSON {@code null} is the record with every field
     * absent; any problem refuses the request with {@code slug}, naming each field ({@code errors[{field, detail}]}).
     */
    public <T extends Record> T readOptional(JsonNode body, Class<T> type, String whatItIs, String slug) {
        if (body == null || body.isNull()) {
            body = objectMapper.createObjectNode();
        }
        if (!body.isObject()) {
            throw new InvalidInputException(slug, "the body must be " + whatItIs);
        }
        Reading<T> reading = read(body, type, whatItIs);
        if (!reading.valid()) {
            throw new InvalidInputException(slug, reading.errors().stream()
                    .map(error -> error.field() + " " + error.detail()).collect(Collectors.joining("; ")),
                    reading.errors());
        }
        return reading.value();
    }

    private static Optional<String> typeProblem(Type type, JsonNode value) {
        if (type == String.class) {
            return value.isTextual() ? Optional.empty() : Optional.of("must be a string, not " + describe(value));
        }
        if (type == Integer.class || type == int.class) {
            return value.isIntegralNumber() && value.canConvertToInt() ? Optional.empty()
                    : Optional.of("must be a whole number, got " + value);
        }
        if (type == Long.class || type == long.class) {
            return value.isIntegralNumber() && value.canConvertToLong() ? Optional.empty()
                    : Optional.of("must be a whole number, got " + value);
        }
        if (type == Boolean.class || type == boolean.class) {
            return value.isBoolean() ? Optional.empty() : Optional.of("must be true or false, not " + describe(value));
        }
        if (type == Instant.class) {
            if (!value.isTextual()) {
                return Optional.of("must be a string, not " + describe(value));
            }
            try {
                OffsetDateTime.parse(value.asText());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("'" + value.asText() + "' is not an ISO-8601 date-time with offset, e.g. "
                        + "2026-11-23T08:00:00Z");
            }
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            Type item = generic.getActualTypeArguments()[0];
            return item == String.class ? textsProblem(value, value.isArray(), "an array of strings", "an item")
                    : membersProblem(value, value.isArray(), "an array", item, false);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            Type member = generic.getActualTypeArguments()[1];
            return member == String.class ? textsProblem(value, value.isObject(), "an object of strings", "a value")
                    : membersProblem(value, value.isObject(), "an object", member, true);
        }
        if (type instanceof Class<?> nested && nested.isRecord()) {
            return nestedRecordProblem(nested, value);
        }
        throw new IllegalArgumentException("JsonBodies does not read components of type " + type.getTypeName());
    }

    /** An array or object of non-string members: the first member with a problem, named by its index or key. */
    private static Optional<String> membersProblem(JsonNode value, boolean rightShape, String expected, Type member,
                                                   boolean keyed) {
        if (!rightShape) {
            return Optional.of("must be " + expected + ", not " + describe(value));
        }
        if (keyed) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> problem = field.getValue().isNull() ? Optional.empty()
                        : typeProblem(member, field.getValue());
                if (problem.isPresent()) {
                    return Optional.of("'" + field.getKey() + "' " + problem.get());
                }
            }
            return Optional.empty();
        }
        for (int i = 0; i < value.size(); i++) {
            Optional<String> problem = value.get(i).isNull() ? Optional.empty() : typeProblem(member, value.get(i));
            if (problem.isPresent()) {
                return Optional.of("item " + i + " " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** A record inside a field (e.g. a pool's recipients): an object with only its fields, each well typed. */
    private static Optional<String> nestedRecordProblem(Class<?> type, JsonNode value) {
        if (!value.isObject()) {
            return Optional.of("must be an object, not " + describe(value));
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            RecordComponent component = components.get(name);
            if (component == null) {
                return Optional.of("has an unknown field '" + name + "' (known: "
                        + String.join(", ", new TreeSet<>(components.keySet())) + ")");
            }
            JsonNode member = value.get(name);
            Optional<String> problem = member.isNull() ? Optional.empty()
                    : typeProblem(component.getGenericType(), member);
            if (problem.isPresent()) {
                return Optional.of("field '" + name + "' " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** An array or object whose members must all be strings. */
    private static Optional<String> textsProblem(JsonNode value, boolean rightShape, String expected, String member) {
        if (!rightShape) {
            return Optional.of("must be " + expected + ", not " + describe(value));
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return Optional.of("must be " + expected + "; " + member + " is " + describe(item));
            }
        }
        return Optional.empty();
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static int order(Map<String, RecordComponent> components, String field) {
        int index = 0;
        for (String name : components.keySet()) {
            if (name.equals(field)) {
                return index;
            }
            index++;
        }
        return index;
    }
}
