package io.leadlistener.errors;

import java.util.Map;

/** What the request names does not exist (a tenant, a rule, a version, a job ...). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String slug, String detail) {
        super(slug, detail, Map.of(), null);
    }
}
