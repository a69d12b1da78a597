package io.leadlistener.intent.engine;

/** What a pair of parts found near each other does. */
public enum ProximityEffect {

    /** Tags the rule's intent: a {@link RuleKind#COMBINATION}'s usual effect ({@code 多少 … 落地} → quote). */
    TAG("tag"),

    /**
     * Marks a question about the negative: negation cues inside the pair's span govern nothing, so
     * {@code 不报价怎么下单} keeps its quote ({@code 不 … 怎么}). A combination's other effect.
     */
    QUESTION("question"),

    /** Turns the rule's intent's matches inside the span into mentions: the effect of a {@link RuleKind#MENTION_FRAME}. */
    MENTION("mention");

    private final String code;

    ProximityEffect(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** What a rule of {@code kind} does when its effect is not given: tag for a combination, mention for a frame. */
    public static ProximityEffect defaultFor(RuleKind kind) {
        return kind == RuleKind.MENTION_FRAME ? MENTION : TAG;
    }

    public static ProximityEffect fromCode(String code) {
        return RuleCodes.parse(values(), ProximityEffect::code, "effect", code);
    }
}
