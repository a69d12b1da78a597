package io.leadlistener.errors;

import java.util.Map;

/** The request is well-formed but the current state forbids it (a duplicate, nothing to publish, a job running). */
public final class ConflictException extends DomainException {

    public ConflictException(String slug, String detail) {
        super(slug, detail, Map.of(), null);
    }
}
