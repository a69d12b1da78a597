package io.leadlistener.intent.engine;

/** Whether two places of a message lie in one clause: what bounds negation and the parts of a combination. */
final class Clauses {

    private Clauses() {
    }

    /**
     * Whether normalized gap [from, to) stays in one clause: no sentence punctuation, no clause-break word (unless
     * it is part of a negation cue: 想 in 不想), and, when {@code softBreaks}, no space or emoji except right
     * before {@code nextToCue} ({@code 不要 样品} is one clause; {@code 不要样品 要报价} is two).
     */
    static boolean inOneClause(NormalizedText text, Hits hits, int from, int to, boolean softBreaks, int nextToCue) {
        for (int p = from; p <= to; p++) {
            int separator = text.separatorCode(p);
            if (separator == CharacterFolding.HARD
                    || softBreaks && separator == CharacterFolding.SOFT && p != nextToCue) {
                return false;
            }
        }
        if (hits.any(Hits.CLAUSE_BREAK)) {
            for (int k = 0; k < hits.specialCount; k++) {
                int b = hits.special[k];
                if (hits.is(b, Hits.CLAUSE_BREAK) && hits.start(b) >= from && hits.end(b) <= to
                        && !overlapsCue(hits, hits.start(b), hits.end(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether normalized gap [from, to) stays in one sentence: what the customer wrote between the two characters
     * holds no sentence-ending punctuation or line break (commas and clause-break words are allowed).
     */
    static boolean inOneSentence(NormalizedText text, int from, int to) {
        String original = text.original();
        for (int p = text.originalEnd(from); p < text.originalStart(to); p++) {
            switch (original.charAt(p)) {
                case '。', '！', '？', '!', '?', '；', ';', '\n', '\r', '…' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** Clause-break words inside a cue are part of the cue: 想 in 不想, 需要 in 不需要. */
    private static boolean overlapsCue(Hits hits, int start, int end) {
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            if (hits.is(j, Hits.CUE | Hits.TRAILING_CUE) && hits.start(j) < end && start < hits.end(j)) {
                return true;
            }
        }
        return false;
    }
}
