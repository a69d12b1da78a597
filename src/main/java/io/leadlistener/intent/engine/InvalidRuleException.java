package io.leadlistener.intent.engine;

/** A rule that cannot exist as written; {@link #field()} names the field at fault, as the admin API reports it. */
public class InvalidRuleException extends IllegalArgumentException {

    private final String field;

    public InvalidRuleException(String field, String detail) {
        super(field + " " + detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
