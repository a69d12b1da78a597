package io.leadlistener.intent.engine;

import java.util.Locale;

/**
 * What a rule's keyword does when it is found in a message.
 *
 * <p>Everything that steers tagging is a rule of one of these kinds, so sales ops (and each tenant)
 * change behaviour by changing data, never code. See {@code docs/intent-engine.md}.
 */
public enum RuleKind {

    /** Tags the message with the rule's intent ({@code 报价} → quote). */
    KEYWORD("keyword"),

    /**
     * A longer phrase that means something else; keywords whose span lies inside it are suppressed
     * ({@code 代理服务器} is not about agency). Negation cues inside it are not cues ({@code 别家}).
     */
    EXCLUSION("exclusion"),

    /** Negates keywords that follow it in the same clause, within a window ({@code 不需要样品}). */
    NEGATION_CUE("negation_cue"),

    /** Negates keywords that precede it in the same clause, within a window ({@code 样品就不用了}). */
    TRAILING_NEGATION_CUE("trailing_negation_cue"),

    /** Ends a negation's scope inside a clause, like a comma would ({@code 不要样品但要报价}). */
    CLAUSE_BREAK("clause_break"),

    /**
     * Marks the keyword right before it as the sentence's topic ({@code 的事}, {@code 这块}): a trailing negation cue
     * later in the same sentence governs it even across a comma, unless another keyword stands between
     * ({@code 分销的事，年后再聊吧}).
     */
    TOPIC_MARKER("topic_marker"),

    /**
     * A named list of words ({@code how-much}: {@code 多少|几钱|啥价}) that combinations and mention frames refer to
     * as {@code @how-much}; it tags nothing by itself. A tenant's set of the same name adds to the default's.
     */
    WORD_SET("word_set"),

    /**
     * Tags its intent when a word of part A and a word of part B occur in one clause within a window
     * ({@code 多少 … 落地}): how customers ask without a dictionary word. See {@link Proximity}.
     */
    COMBINATION("combination"),

    /**
     * The same A-near-B shape, marking its intent's keywords inside it as a mention, not a wish
     * ({@code 我们是 … 加盟商}: already a franchisee).
     */
    MENTION_FRAME("mention_frame");

    private static final String CODES = String.join(", ",
            java.util.Arrays.stream(values()).map(RuleKind::code).toList());

    private final String code;

    RuleKind(String code) {
        this.code = code;
    }

    /** The stable lower-case name used in rule files, the database and the API. */
    public String code() {
        return code;
    }

    /** Whether rules of this kind carry a {@link Proximity} (two parts near each other). */
    public boolean isProximity() {
        return this == COMBINATION || this == MENTION_FRAME;
    }

    /** Parses {@link #code()} (case-insensitive). */
    public static RuleKind fromCode(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (RuleKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown rule kind '" + code + "'; expected one of " + CODES);
    }
}
