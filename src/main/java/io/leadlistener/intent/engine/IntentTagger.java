package io.leadlistener.intent.engine;

import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Tags a message with the intents of a {@link RuleSet}: normalize, one automaton pass, then decide for each
 * keyword found whether it counts, is excluded (inside a longer phrase meaning something else) or negated
 * (governed by a negation cue in the same clause), and explain that decision.
 *
 * <p>Immutable and thread-safe: the inbox worker calls {@link #tag} concurrently; a new rule set means a new
 * tagger, published by {@link IntentTaggerHolder}. This is the worker's hot path, hence arrays and plain
 * loops over the few hits of a message rather than streams and collections.
 */
public final class IntentTagger {

    private final RuleSet ruleSet;
    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final TaggingResult nothingFound;

    public IntentTagger(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.nothingFound = TaggingResult.empty(ruleSet.version());
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public long ruleSetVersion() {
        return ruleSet.version();
    }

    /**
     * Tags one message. Offsets in the result are UTF-16 code units of {@code text}, end exclusive.
     */
    public TaggingResult tag(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        Hits hits = new Hits(normalized);
        ruleSet.findAll(normalized, hits);
        if (!hits.any(Hits.KEYWORD)) {
            return nothingFound;
        }
        return explain(normalized, hits);
    }

    private TaggingResult explain(NormalizedText text, Hits hits) {
        // The usual message has one counting match: keep it in locals and allocate arrays only for a second.
        IntentMatch firstMatch = null;
        IntentMatch[] moreMatches = null;
        int matchCount = 0;
        SuppressedMatch[] suppressed = null;
        int suppressedCount = 0;
        String[] intents = null;
        int intentCount = 0;
        for (int i = 0; i < hits.size; i++) {
            if (!hits.is(i, Hits.KEYWORD)) {
                continue;
            }
            int start = hits.start(i);
            int end = hits.end(i);
            KeywordEntry entry = hits.entries[i];
            for (int k = 0; k < entry.intents.length; k++) {
                String intent = entry.intents[k];
                String keyword = entry.writtenKeywords[k];
                if (hits.nested && isInsideLongerKeyword(hits, i, intent)) {
                    continue; // 报价 inside 报价单: the longer match speaks for both
                }
                IntentRule exclusion = hits.any(Hits.EXCLUSION) ? exclusionAround(hits, start, end, intent) : null;
                IntentRule cue = exclusion == null && hits.any(Hits.CUE | Hits.TRAILING_CUE)
                        ? governingCue(text, hits, start, end, intent) : null;
                int from = text.originalStart(start);
                int to = text.originalEnd(end);
                String written = text.original().substring(from, to);
                if (exclusion == null && cue == null) {
                    IntentMatch match = new IntentMatch(intent, keyword, written, from, to);
                    if (matchCount == 0) {
                        firstMatch = match;
                        matchCount = 1;
                        continue; // its intent is added below, once, if it stays the only match
                    }
                    if (moreMatches == null) {
                        moreMatches = new IntentMatch[4];
                        moreMatches[0] = firstMatch;
                        intents = new String[4];
                        intents[0] = firstMatch.intent();
                        intentCount = 1;
                    } else if (matchCount == moreMatches.length) {
                        moreMatches = Arrays.copyOf(moreMatches, matchCount * 2);
                    }
                    moreMatches[matchCount++] = match;
                    if (!contains(intents, intentCount, intent)) {
                        if (intentCount == intents.length) {
                            intents = Arrays.copyOf(intents, intentCount * 2);
                        }
                        intents[intentCount++] = intent;
                    }
                    continue;
                }
                if (suppressed == null) {
                    suppressed = new SuppressedMatch[4];
                } else if (suppressedCount == suppressed.length) {
                    suppressed = Arrays.copyOf(suppressed, suppressedCount * 2);
                }
                suppressed[suppressedCount++] = exclusion != null
                        ? new SuppressedMatch(intent, keyword, written, from, to, SuppressionReason.EXCLUDED,
                                null, exclusion.keyword())
                        : new SuppressedMatch(intent, keyword, written, from, to, SuppressionReason.NEGATED,
                                cue.keyword(), null);
            }
        }
        List<IntentMatch> matches;
        List<String> intentList;
        if (matchCount <= 1) {
            matches = matchCount == 0 ? List.of() : List.of(firstMatch);
            intentList = matchCount == 0 ? List.of() : List.of(firstMatch.intent());
        } else {
            sortByPosition(moreMatches, matchCount, MATCH_ORDER);
            Arrays.sort(intents, 0, intentCount);
            matches = listOf(moreMatches, matchCount);
            intentList = listOf(intents, intentCount);
        }
        if (suppressedCount > 1) {
            sortByPosition(suppressed, suppressedCount, SUPPRESSED_ORDER);
        }
        return new TaggingResult(intentList, matches, listOf(suppressed, suppressedCount), ruleSet.version());
    }

    /** Intents are the rule set's canonical instances: identity is equality. */
    private static boolean contains(String[] values, int count, String value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> listOf(T[] values, int count) {
        switch (count) {
            case 0:
                return List.of();
            case 1:
                return List.of(values[0]);
            case 2:
                return List.of(values[0], values[1]);
            default:
                return List.of(Arrays.copyOf(values, count));
        }
    }

    private static final Comparator<IntentMatch> MATCH_ORDER = Comparator.comparingInt(IntentMatch::start)
            .thenComparingInt(IntentMatch::end).thenComparing(IntentMatch::intent);
    private static final Comparator<SuppressedMatch> SUPPRESSED_ORDER =
            Comparator.comparingInt(SuppressedMatch::start).thenComparingInt(SuppressedMatch::end)
                    .thenComparing(SuppressedMatch::intent);

    /**
     * Insertion sort by start, end, intent: the automaton reports hits by end position, so the array is
     * short and nearly sorted.
     */
    private static <T> void sortByPosition(T[] matches, int count, Comparator<? super T> order) {
        for (int i = 1; i < count; i++) {
            T match = matches[i];
            int j = i - 1;
            while (j >= 0 && order.compare(matches[j], match) > 0) {
                matches[j + 1] = matches[j];
                j--;
            }
            matches[j + 1] = match;
        }
    }

    /** Whether a longer keyword match of the same intent covers hit {@code i}. */
    private static boolean isInsideLongerKeyword(Hits hits, int i, String intent) {
        int start = hits.start(i);
        int end = hits.end(i);
        for (int j = 0; j < hits.size; j++) {
            if (hits.start(j) <= start && end <= hits.end(j) && hits.end(j) - hits.start(j) > end - start
                    && hits.is(j, Hits.KEYWORD) && hits.entries[j].hasKeywordFor(intent)) {
                return true;
            }
        }
        return false;
    }

    /** The longest exclusion phrase for {@code intent} whose occurrence contains [start, end), or null. */
    private static IntentRule exclusionAround(Hits hits, int start, int end, String intent) {
        IntentRule longest = null;
        int longestLength = 0;
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            int length = hits.end(j) - hits.start(j);
            if (!hits.is(j, Hits.EXCLUSION) || hits.start(j) > start || end > hits.end(j) || length <= longestLength) {
                continue;
            }
            for (IntentRule exclusion : hits.entries[j].exclusions) {
                if (exclusion.appliesTo(intent)) {
                    longest = exclusion;
                    longestLength = length;
                    break;
                }
            }
        }
        return longest;
    }

    /**
     * The nearest negation cue that governs keyword [start, end) of {@code intent}: a leading cue ending at
     * most {@code maxGapAfterCue} characters before it, or a trailing cue starting at most
     * {@code maxGapBeforeTrailingCue} after it, with no clause boundary in between and not itself inside an
     * exclusion phrase ({@code 别家}, {@code 要不要}). Other keywords in between do not count towards the
     * window, so one cue reaches a list: {@code 代理和加盟我们都不考虑}, {@code 不需要样品、报价和代理}.
     */
    private IntentRule governingCue(NormalizedText text, Hits hits, int start, int end, String intent) {
        NegationScope scope = ruleSet.negationScope();
        IntentRule nearest = null;
        int nearestGap = Integer.MAX_VALUE;
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            int cueStart = hits.start(j);
            int cueEnd = hits.end(j);
            if (hits.is(j, Hits.CUE) && cueEnd <= start && start - cueEnd < nearestGap
                    && withinWindow(hits, cueEnd, start, scope.maxGapAfterCue())) {
                KeywordEntry entry = hits.entries[j];
                IntentRule cue = entry.cueForAll != null ? entry.cueForAll : applicable(entry.cues, intent);
                if (cue != null && exclusionAround(hits, cueStart, cueEnd, intent) == null
                        && inOneClause(text, hits, cueEnd, start, cueEnd)) {
                    nearest = cue;
                    nearestGap = start - cueEnd;
                }
            }
            if (hits.is(j, Hits.TRAILING_CUE) && cueStart >= end && cueStart - end < nearestGap
                    && withinWindow(hits, end, cueStart, scope.maxGapBeforeTrailingCue())) {
                KeywordEntry entry = hits.entries[j];
                IntentRule cue = entry.trailingCueForAll != null ? entry.trailingCueForAll
                        : applicable(entry.trailingCues, intent);
                if (cue != null && exclusionAround(hits, cueStart, cueEnd, intent) == null
                        && inOneClause(text, hits, end, cueStart, cueStart)) {
                    nearest = cue;
                    nearestGap = cueStart - end;
                }
            }
        }
        return nearest;
    }

    /** Whether the gap [from, to), less the keywords inside it, fits the window. */
    private static boolean withinWindow(Hits hits, int from, int to, int window) {
        int gap = to - from;
        if (gap <= window) {
            return true;
        }
        if (gap - hits.keywordChars > window) {
            return false; // even if keywords filled the gap, too far
        }
        if (gap <= 64) {
            long covered = 0;
            for (int j = 0; j < hits.size; j++) {
                if (hits.is(j, Hits.KEYWORD) && hits.start(j) >= from && hits.end(j) <= to) {
                    int length = hits.end(j) - hits.start(j);
                    covered |= (length == 64 ? -1L : (1L << length) - 1) << (hits.start(j) - from);
                }
            }
            return gap - Long.bitCount(covered) <= window;
        }
        int uncovered = 0;
        for (int p = from; p < to; p++) {
            if (!coveredByKeyword(hits, p, from, to) && ++uncovered > window) {
                return false;
            }
        }
        return true;
    }

    private static boolean coveredByKeyword(Hits hits, int position, int from, int to) {
        for (int j = 0; j < hits.size; j++) {
            if (hits.is(j, Hits.KEYWORD) && hits.start(j) >= from && hits.end(j) <= to
                    && hits.start(j) <= position && position < hits.end(j)) {
                return true;
            }
        }
        return false;
    }

    private static IntentRule applicable(IntentRule[] cues, String intent) {
        for (IntentRule cue : cues) {
            if (cue.appliesTo(intent)) {
                return cue;
            }
        }
        return null;
    }

    /**
     * Whether normalized gap [from, to) between a cue and a keyword stays in one clause: no sentence
     * punctuation, no clause-break word, and no space or emoji except right next to the cue
     * ({@code 不要 样品} is one clause; {@code 不要样品 要报价} is two).
     */
    private static boolean inOneClause(NormalizedText text, Hits hits, int from, int to, int nextToCue) {
        for (int p = from; p <= to; p++) {
            int separator = text.separatorCode(p);
            if (separator == CharacterFolding.HARD || separator == CharacterFolding.SOFT && p != nextToCue) {
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
