package io.leadlistener.intent.engine;

/** Why a keyword that was found does not count. */
public enum SuppressionReason {

    /** A negation cue governs it in the same clause ({@code 不需要样品}); the cue is reported. */
    NEGATED("negated"),

    /** It lies inside a longer phrase that means something else ({@code 代理服务器}); the phrase is reported. */
    EXCLUDED("excluded");

    private final String code;

    SuppressionReason(String code) {
        this.code = code;
    }

    /** The lower-case name used in the API ({@code negated}, {@code excluded}). */
    public String code() {
        return code;
    }
}
