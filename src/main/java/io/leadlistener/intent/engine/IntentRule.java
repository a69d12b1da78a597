package io.leadlistener.intent.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a rule set, as stored and edited.
 *
 * @param intent  the intent a keyword tags, or that an exclusion/cue is limited to; {@value #ANY_INTENT}
 *                means every intent (the usual value for cues, clause breaks and generic exclusions)
 * @param kind    what the keyword does
 * @param keyword the text to find, written as people write it; it is normalized like messages are, so
 *                {@code 報價}, {@code ＡＧＥＮＣＹ} and {@code 报 价} are the same keyword as {@code 报价}/{@code agency}
 * @param enabled disabled rules are kept for the record but not compiled
 * @param note    free text for whoever maintains the dictionary (why the rule exists); may be empty
 */
public record IntentRule(String intent, RuleKind kind, String keyword, boolean enabled, String note) {

    /** Intent value of rules that apply to every intent. */
    public static final String ANY_INTENT = "*";

    private static final Pattern INTENT_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public IntentRule {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyword, "keyword");
        note = note == null ? "" : note;
        if (!ANY_INTENT.equals(intent) && !INTENT_NAME.matcher(intent).matches()) {
            throw new IllegalArgumentException("intent '" + intent
                    + "' must be '*' or lower-case letters, digits, '_' or '-' starting with a letter (at most 64)");
        }
        if (kind == RuleKind.KEYWORD && ANY_INTENT.equals(intent)) {
            throw new IllegalArgumentException("a keyword rule must name the intent it tags, not '*': " + keyword);
        }
        if (keyword.isBlank()) {
            throw new IllegalArgumentException("keyword must not be blank");
        }
    }

    /** An enabled rule without a note. */
    public static IntentRule of(String intent, RuleKind kind, String keyword) {
        return new IntentRule(intent, kind, keyword, true, "");
    }

    /** Whether this rule (an exclusion or a cue) applies to keywords of {@code otherIntent}. */
    public boolean appliesTo(String otherIntent) {
        return ANY_INTENT.equals(intent) || intent.equals(otherIntent);
    }
}
