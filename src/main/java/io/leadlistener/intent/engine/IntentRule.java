package io.leadlistener.intent.engine;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a rule set, as stored and edited.
 *
 * @param intent  the intent a keyword or combination tags, or that an exclusion/cue/frame is limited to;
 *                {@value #ANY_INTENT} means every intent (the usual value for cues, clause breaks and generic
 *                exclusions, and the only value for word sets)
 * @param kind    what the rule does
 * @param keyword the text to find, written as people write it; it is normalized like messages are, so
 *                {@code 報價}, {@code ＡＧＥＮＣＹ} and {@code 报 价} are the same keyword as {@code 报价}/{@code agency}.
 *                For a word set, its name; for a combination or mention frame, its readable form
 *                ({@code 多少|@cost-words … 落地}), derived from the parts
 * @param enabled disabled rules are kept for the record but not compiled
 * @param note    free text for whoever maintains the dictionary (why the rule exists); may be empty
 * @param detail  the words of a word set or the parts of a combination/frame; null for the other kinds
 */
public record IntentRule(String intent, RuleKind kind, String keyword, boolean enabled, String note,
                         RuleDetail detail) {

    /** Intent value of rules that apply to every intent. */
    public static final String ANY_INTENT = "*";

    private static final Pattern INTENT_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public IntentRule {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyword, "keyword");
        note = note == null ? "" : note;
        if (!ANY_INTENT.equals(intent) && !INTENT_NAME.matcher(intent).matches()) {
            throw new InvalidRuleException("intent", "'" + intent
                    + "' must be '*' or lower-case letters, digits, '_' or '-' starting with a letter (at most 64)");
        }
        switch (kind) {
            case WORD_SET -> {
                if (!(detail instanceof WordList)) {
                    throw new InvalidRuleException("words", "are required for a word_set rule");
                }
                if (!ANY_INTENT.equals(intent)) {
                    throw new InvalidRuleException("intent", "of a word set must be '*': sets serve every intent");
                }
                keyword = keyword.strip();
                if (!Proximity.isSetName(keyword)) {
                    throw new InvalidRuleException("keyword", "'" + keyword + "' cannot name a word set: letters, "
                            + "digits, '-' or '_', starting with a letter or digit (at most 64)");
                }
            }
            case COMBINATION, MENTION_FRAME -> {
                if (!(detail instanceof Proximity proximity)) {
                    throw new InvalidRuleException("a", "and b are required for a " + kind.code() + " rule");
                }
                if (kind == RuleKind.MENTION_FRAME && proximity.effect() != ProximityEffect.MENTION) {
                    throw new InvalidRuleException("effect", "of a mention_frame is 'mention', not '"
                            + proximity.effect().code() + "'");
                }
                if (kind == RuleKind.COMBINATION && proximity.effect() == ProximityEffect.MENTION) {
                    throw new InvalidRuleException("effect", "'mention' belongs to kind mention_frame; a combination's "
                            + "effect is 'tag' or 'question'");
                }
                if (proximity.effect() == ProximityEffect.TAG && ANY_INTENT.equals(intent)) {
                    throw new InvalidRuleException("intent", "a combination that tags must name its intent, not '*'");
                }
                keyword = proximity.readableForm();
            }
            default -> {
                if (detail != null) {
                    throw new InvalidRuleException("kind", kind.code() + " takes a keyword only, no words or parts");
                }
                if (kind == RuleKind.KEYWORD && ANY_INTENT.equals(intent)) {
                    throw new InvalidRuleException("intent", "a keyword rule must name the intent it tags, not '*': "
                            + keyword);
                }
            }
        }
        if (keyword.isBlank()) {
            throw new InvalidRuleException("keyword", "must not be blank");
        }
    }

    /** A rule of a one-keyword kind. */
    public IntentRule(String intent, RuleKind kind, String keyword, boolean enabled, String note) {
        this(intent, kind, keyword, enabled, note, null);
    }

    /** An enabled rule of a one-keyword kind, without a note. */
    public static IntentRule of(String intent, RuleKind kind, String keyword) {
        return new IntentRule(intent, kind, keyword, true, "");
    }

    /** An enabled word set. */
    public static IntentRule wordSet(String name, List<String> words) {
        return new IntentRule(ANY_INTENT, RuleKind.WORD_SET, name, true, "", new WordList(words));
    }

    /** An enabled combination that tags {@code intent}, parts in either order. */
    public static IntentRule combination(String intent, List<String> a, List<String> b, int window) {
        return new IntentRule(intent, RuleKind.COMBINATION, "", true, "",
                new Proximity(a, b, window, false, ProximityEffect.TAG));
    }

    /** An enabled mention frame for {@code intent}, parts in either order. */
    public static IntentRule mentionFrame(String intent, List<String> a, List<String> b, int window) {
        return new IntentRule(intent, RuleKind.MENTION_FRAME, "", true, "",
                new Proximity(a, b, window, false, ProximityEffect.MENTION));
    }

    /** Whether this rule (an exclusion, a cue or a frame) applies to matches of {@code otherIntent}. */
    public boolean appliesTo(String otherIntent) {
        return ANY_INTENT.equals(intent) || intent.equals(otherIntent);
    }

    /** The parts of a combination or mention frame; null for other kinds. */
    public Proximity proximity() {
        return detail instanceof Proximity proximity ? proximity : null;
    }

    /** The words of a word set; empty for other kinds. */
    public List<String> words() {
        return detail instanceof WordList list ? list.words() : List.of();
    }
}
