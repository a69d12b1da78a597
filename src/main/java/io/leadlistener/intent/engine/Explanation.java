package io.leadlistener.intent.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects what the tagger decided about one message and builds its {@link TaggingResult}. The usual message
 * has one counting match: it stays in a field, and arrays are allocated only for a second. Not thread-safe:
 * one per {@link IntentTagger#tag} call that found something.
 */
final class Explanation {

    private IntentMatch firstMatch;
    private IntentMatch[] moreMatches;
    private int matchCount;
    private SuppressedMatch[] suppressed;
    private int suppressedCount;
    private String[] intents;
    private int intentCount;

    void match(IntentMatch match) {
        if (matchCount == 0) {
            firstMatch = match;
            matchCount = 1;
            return; // its intent is added in result(), once, if it stays the only match
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
        if (!contains(intents, intentCount, match.intent())) {
            if (intentCount == intents.length) {
                intents = Arrays.copyOf(intents, intentCount * 2);
            }
            intents[intentCount++] = match.intent();
        }
    }

    void suppress(SuppressedMatch match) {
        if (suppressed == null) {
            suppressed = new SuppressedMatch[4];
        } else if (suppressedCount == suppressed.length) {
            suppressed = Arrays.copyOf(suppressed, suppressedCount * 2);
        }
        suppressed[suppressedCount++] = match;
    }

    TaggingResult result(long ruleSetVersion) {
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
        return new TaggingResult(intentList, matches, listOf(suppressed, suppressedCount), ruleSetVersion);
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
}
