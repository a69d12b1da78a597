package io.leadlistener.intent.engine;

/** How far apart the two parts of a combination or frame may lie, besides the window. */
public enum ProximityScope {

    /** In one clause: no punctuation and no clause-break word between them (the default). */
    CLAUSE("clause"),

    /**
     * In one sentence: commas and clause-break words may lie between them, sentence-ending punctuation
     * ({@code 。！？；}, a line break) may not. For asks that put the thing first and the wish after a comma:
     * {@code 先寄两片瓷砖来，我们铺地上看看效果}.
     */
    SENTENCE("sentence");

    private final String code;

    ProximityScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ProximityScope fromCode(String code) {
        return RuleCodes.parse(values(), ProximityScope::code, "scope", code);
    }
}
