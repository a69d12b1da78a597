package io.leadlistener.intent.engine;

/** Why a keyword that was found does not count. */
public enum SuppressionReason {

    /** A negation cue governs it in the same clause ({@code 不需要样品}); the cue is reported. */
    NEGATED("negated"),

    /** It lies inside a longer phrase that means something else ({@code 代理服务器}); the phrase is reported. */
    EXCLUDED("excluded"),

    /**
     * A mention frame covers it: the keyword is talked about, not wanted ({@code 我们是…加盟商}: already a
     * franchisee); the frame is reported.
     */
    MENTION("mention");

    private final String code;

    SuppressionReason(String code) {
        this.code = code;
    }

    /** The lower-case name used in the API ({@code negated}, {@code excluded}, {@code mention}). */
    public String code() {
        return code;
    }
}
