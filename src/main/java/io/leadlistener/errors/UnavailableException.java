package io.leadlistener.errors;

import java.util.Map;

/**
 * A dependency (the database) cannot serve right now; nothing was done and the caller should retry shortly.
 * {@link #getMessage()} is the detail told to the caller; {@link #cause()} says what failed, for the log only.
 */
public non-sealed class UnavailableException extends DomainException {

    public UnavailableException(String slug, String detail, Throwable cause) {
        super(slug, detail, Map.of(), cause);
    }

    /** What failed underneath, for the operators' log (may name hosts or SQL states, so never sent to the caller). */
    public String cause() {
        return getCause() == null ? "" : String.valueOf(getCause().getMessage());
    }
}
