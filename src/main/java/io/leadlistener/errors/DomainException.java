package io.leadlistener.errors;

import java.util.Map;

/**
 * A request the domain refuses, told in the domain's words: a short problem type ({@code slug}, e.g.
 * {@code unknown-tenant}) and a detail that says exactly what was wrong. Which HTTP status each kind becomes is
 * decided in one place, {@code rest.ProblemResponses}; domain code never names a status.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidInputException, UnavailableException {

    private final String slug;
    private final transient Map<String, Object> extensions;

    DomainException(String slug, String detail, Map<String, Object> extensions, Throwable cause) {
        super(detail, cause, false, false);
        this.slug = slug;
        this.extensions = Map.copyOf(extensions);
    }

    /** The problem type's short name: a bounded set, fit for a metric tag. */
    public String slug() {
        return slug;
    }

    /** What the caller is told; never a secret or a stack trace. */
    public String detail() {
        return getMessage();
    }

    /** Further members of the problem body (e.g. {@code errors}). */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
