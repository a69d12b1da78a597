package io.leadlistener.intent.engine;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two parts that count when a word of each occurs in one clause, at most {@code window} characters apart
 * (normalized characters strictly between them), in either order unless {@code ordered}. A part lists words and
 * {@code @name} references to word sets.
 *
 * @param a       the first part's words and {@code @set} references
 * @param b       the second part's
 * @param window  1–30: how many characters may separate the two words (adjacent words are 0 apart; a window of
 *                0 would be a keyword, so it is refused)
 * @param ordered whether a word of {@code a} must come before the word of {@code b}
 * @param effect  what the pair does when found
 * @param scope   one clause (the default) or one sentence
 */
public record Proximity(List<String> a, List<String> b, int window, boolean ordered, ProximityEffect effect,
                        ProximityScope scope) implements RuleDetail {

    public static final int MAX_WINDOW = 30;
    /** Window of a combination or frame that does not say: as far as a negation cue reaches by default. */
    public static final int DEFAULT_WINDOW = 8;
    public static final int MAX_WORD_LENGTH = 64;
    public static final int MAX_PART_ITEMS = 200;
    /** Prefix of a word-set reference inside a part. */
    public static final String SET_REFERENCE = "@";
    /** Between the parts in a rule's readable form: {@code 多少|几钱 … 落地}. */
    public static final String PART_SEPARATOR = " … ";

    private static final Pattern SET_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,63}");

    public Proximity {
        a = checkedPart("a", a);
        b = checkedPart("b", b);
        if (window < 1 || window > MAX_WINDOW) {
            throw new InvalidRuleException("window", "must be between 1 and " + MAX_WINDOW
                    + " characters, was " + window);
        }
        if (effect == null) {
            throw new InvalidRuleException("effect", "is required");
        }
        scope = scope == null ? ProximityScope.CLAUSE : scope;
    }

    /** Parts in one clause. */
    public Proximity(List<String> a, List<String> b, int window, boolean ordered, ProximityEffect effect) {
        this(a, b, window, ordered, effect, ProximityScope.CLAUSE);
    }

    /** The rule's readable form, which is also its keyword: {@code 多少|@cost-words … 落地}. */
    public String readableForm() {
        return String.join("|", a) + PART_SEPARATOR + String.join("|", b);
    }

    /** The names of the word sets the two parts refer to ({@code how-much} for {@code @how-much}), in order. */
    public List<String> setReferences() {
        return Stream.concat(a.stream(), b.stream()).filter(item -> item.startsWith(SET_REFERENCE))
                .map(item -> item.substring(SET_REFERENCE.length())).distinct().toList();
    }

    /** Whether {@code name} can name a word set ({@code how-much}, {@code 价格词}). */
    public static boolean isSetName(String name) {
        return SET_NAME.matcher(name).matches();
    }

    private static List<String> checkedPart(String field, List<String> part) {
        if (part == null || part.isEmpty()) {
            throw new InvalidRuleException(field, "must list at least one word or @set");
        }
        if (part.size() > MAX_PART_ITEMS) {
            throw new InvalidRuleException(field, "has " + part.size() + " items; the limit is " + MAX_PART_ITEMS);
        }
        List<String> items = part.stream().map(item -> checkedWord(field, item)).distinct().toList();
        for (String item : items) {
            if (item.startsWith(SET_REFERENCE) && !isSetName(item.substring(1))) {
                throw new InvalidRuleException(field, "'" + item + "' is not a word-set reference: @ then a name of "
                        + "letters, digits, '-' or '_'");
            }
        }
        return items;
    }

    static String checkedWord(String field, String word) {
        if (word == null || word.isBlank()) {
            throw new InvalidRuleException(field, "must not contain a blank word");
        }
        String stripped = word.strip();
        if (stripped.contains("|") || stripped.contains(PART_SEPARATOR.strip())) {
            throw new InvalidRuleException(field, "word '" + stripped + "' must not contain '|' or '…'");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_WORD_LENGTH) {
            throw new InvalidRuleException(field, "word '" + stripped + "' is longer than " + MAX_WORD_LENGTH
                    + " characters");
        }
        return stripped;
    }
}
