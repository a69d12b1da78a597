package io.leadlistener.errors;

import java.util.Map;

/** The request is well-formed but the current state forbids it (a duplicate, nothing to publish, a job running). */
public final class ConflictException extends DomainException {

    public ConflictException(String slug, String detail) {
        super(slug, detail, Map.of(), null);
    }

    /** @param extensions further members of the problem body, e.g. the version in force */
    public ConflictException(String slug, String detail, Map<String, Object> extensions) {
        super(slug, detail, extensions, null);
    }
}
