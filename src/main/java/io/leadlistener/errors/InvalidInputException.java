package io.leadlistener.errors;

import java.util.List;
import java.util.Map;

/**
 * The caller's input is wrong. With field errors, the problem body lists them as
 * {@code errors: [{field, detail}]}, one per field, so a form can point at each.
 */
public final class InvalidInputException extends DomainException {

    /** One wrong field of the input, named as the caller wrote it. */
    public record FieldError(String field, String detail) {
    }

    public InvalidInputException(String slug, String detail) {
        super(slug, detail, Map.of(), null);
    }

    public InvalidInputException(String slug, String detail, List<FieldError> errors) {
        super(slug, detail, Map.of("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "detail", error.detail())).toList()), null);
    }
}
