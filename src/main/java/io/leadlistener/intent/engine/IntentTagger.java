package io.leadlistener.intent.engine;

import java.util.List;
import java.util.Objects;

/**
 * Tags a message with the intents of a {@link RuleSet}: normalize, one automaton pass (keywords, cues, phrases and
 * the words of combinations and frames), pair up the parts of combinations and mention frames, then decide for
 * each keyword and combination found whether it counts, is excluded (inside a longer phrase meaning something
 * else), a mention (inside a mention frame) or negated (governed by a negation cue in the same clause, unless a
 * question pair spans the cue), and explain that decision.
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
        if (!hits.any(Hits.KEYWORD | Hits.PART)) {
            return nothingFound;
        }
        return explain(normalized, hits);
    }

    private TaggingResult explain(NormalizedText text, Hits hits) {
        FoundPairs pairs = hits.any(Hits.PART) ? FoundPairs.find(ruleSet, text, hits) : FoundPairs.NONE;
        Explanation explanation = new Explanation();
        for (int i = 0; i < hits.size; i++) {
            if (!hits.is(i, Hits.KEYWORD)) {
                continue;
            }
            int start = hits.start(i);
            int end = hits.end(i);
            KeywordEntry entry = hits.entries[i];
            for (int k = 0; k < entry.intents.length; k++) {
                String intent = entry.intents[k];
                if (hits.nested && isInsideLongerKeyword(hits, i, intent)) {
                    continue; // 报价 inside 报价单: the longer match speaks for both
                }
                IntentRule exclusion = hits.any(Hits.EXCLUSION) ? hits.exclusionAround(start, end, intent) : null;
                decide(text, hits, pairs, explanation, intent, entry.writtenKeywords[k], start, end, exclusion, -1);
            }
        }
        for (int p = 0; p < pairs.size; p++) {
            CompiledProximity combination = pairs.rules[p];
            if (combination.effect != ProximityEffect.TAG) {
                continue;
            }
            decide(text, hits, pairs, explanation, combination.intent, combination.rule.keyword(),
                    pairs.start(hits, p), pairs.end(hits, p), null, p);
        }
        return explanation.result(ruleSet.version());
    }

    /**
     * Whether the keyword or combination ({@code pair} ≥ 0) at [start, end) counts, or what suppresses it: an
     * exclusion phrase around it, a mention frame whose word it overlaps, or a negation cue governing it, in that
     * order.
     */
    private void decide(NormalizedText text, Hits hits, FoundPairs pairs, Explanation explanation, String intent,
                        String keyword, int start, int end, IntentRule exclusion, int pair) {
        List<MatchPart> parts = pair < 0 ? List.of()
                : List.of(part(text, hits, pairs.first[pair]), part(text, hits, pairs.second[pair]));
        int frame = exclusion == null ? pairs.mentionOver(hits, start, end, intent) : -1;
        IntentRule cue = null;
        if (exclusion == null && frame < 0 && hits.any(Hits.CUE | Hits.TRAILING_CUE)) {
            cue = pair < 0 ? null : cueOverSpan(hits, pairs, pair, intent);
            if (cue == null) {
                cue = governingCue(text, hits, pairs, start, end, intent);
            }
        }
        int from = text.originalStart(start);
        int to = text.originalEnd(end);
        String written = text.original().substring(from, to);
        if (exclusion != null) {
            explanation.suppress(new SuppressedMatch(intent, keyword, written, from, to, SuppressionReason.EXCLUDED,
                    null, exclusion.keyword(), null, parts));
        } else if (frame >= 0) {
            explanation.suppress(new SuppressedMatch(intent, keyword, written, from, to, SuppressionReason.MENTION,
                    null, null, pairs.rules[frame].rule.keyword(), parts));
        } else if (cue != null) {
            explanation.suppress(new SuppressedMatch(intent, keyword, written, from, to, SuppressionReason.NEGATED,
                    cue.keyword(), null, null, parts));
        } else {
            explanation.match(new IntentMatch(intent, keyword, written, from, to, parts));
        }
    }

    /**
     * A negation cue over a combination's span negates it: {@code 检测报告不需要} is not {@code 检测报告 … 需要}, nor
     * {@code 材质报告先不用给} {@code 报告 … 给}.
     */
    private static IntentRule cueOverSpan(Hits hits, FoundPairs pairs, int pair, String intent) {
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            if (!hits.is(j, Hits.CUE | Hits.TRAILING_CUE) || pairs.voidsCue(hits, hits.start(j), hits.end(j), intent)) {
                continue;
            }
            if (hits.start(j) < pairs.end(hits, pair) && pairs.start(hits, pair) < hits.end(j)) {
                KeywordEntry entry = hits.entries[j];
                IntentRule cue = entry.cueForAll != null ? entry.cueForAll : applicable(entry.cues, intent);
                if (cue == null) {
                    cue = entry.trailingCueForAll != null ? entry.trailingCueForAll
                            : applicable(entry.trailingCues, intent);
                }
                if (cue != null) {
                    return cue;
                }
            }
        }
        return null;
    }

    private static MatchPart part(NormalizedText text, Hits hits, int hit) {
        int from = text.originalStart(hits.start(hit));
        int to = text.originalEnd(hits.end(hit));
        return new MatchPart(text.original().substring(from, to), from, to);
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

    /**
     * The nearest negation cue that governs keyword [start, end) of {@code intent}: a leading cue ending at
     * most {@code maxGapAfterCue} characters before it, or a trailing cue starting at most
     * {@code maxGapBeforeTrailingCue} after it, with no clause boundary in between and not itself inside an
     * exclusion phrase ({@code 别家}, {@code 要不要}). Other keywords in between do not count towards the
     * window, so one cue reaches a list: {@code 代理和加盟我们都不考虑}, {@code 不需要样品、报价和代理}.
     */
    private IntentRule governingCue(NormalizedText text, Hits hits, FoundPairs pairs, int start, int end,
                                    String intent) {
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
                if (cue != null && hits.exclusionAround(cueStart, cueEnd, intent) == null
                        && Clauses.inOneClause(text, hits, cueEnd, start, true, cueEnd)
                        && !pairs.voidsCue(hits, cueStart, cueEnd, intent)) {
                    nearest = cue;
                    nearestGap = start - cueEnd;
                }
            }
            if (hits.is(j, Hits.TRAILING_CUE) && cueStart >= end && cueStart - end < nearestGap) {
                KeywordEntry entry = hits.entries[j];
                IntentRule cue = entry.trailingCueForAll != null ? entry.trailingCueForAll
                        : applicable(entry.trailingCues, intent);
                if (cue != null && hits.exclusionAround(cueStart, cueEnd, intent) == null
                        && !pairs.voidsCue(hits, cueStart, cueEnd, intent)
                        && (withinWindow(hits, end, cueStart, scope.maxGapBeforeTrailingCue())
                                && Clauses.inOneClause(text, hits, end, cueStart, true, cueStart)
                                || isTopicOf(text, hits, end, cueStart))) {
                    nearest = cue;
                    nearestGap = cueStart - end;
                }
            }
        }
        return nearest;
    }

    /**
     * Whether the keyword ending at {@code end} is the sentence's topic for a trailing cue at {@code cueStart}: a topic
     * marker follows it directly ({@code 分销的事}), the cue lies in the same sentence within
     * {@value #TOPIC_REACH} characters, and no other keyword stands between them (in
     * {@code 样品的事，麻烦尽快安排，价格先不谈} the cue is about the price).
     */
    private static boolean isTopicOf(NormalizedText text, Hits hits, int end, int cueStart) {
        if (!hits.any(Hits.TOPIC_MARKER) || cueStart - end > TOPIC_REACH) {
            return false;
        }
        boolean marked = false;
        for (int k = 0; k < hits.specialCount && !marked; k++) {
            int j = hits.special[k];
            marked = hits.is(j, Hits.TOPIC_MARKER) && hits.start(j) == end;
        }
        if (!marked || !Clauses.inOneSentence(text, end, cueStart)) {
            return false;
        }
        for (int i = 0; i < hits.size; i++) {
            if (hits.is(i, Hits.KEYWORD) && hits.start(i) >= end && hits.end(i) <= cueStart) {
                return false;
            }
        }
        return true;
    }

    /** How far, in normalized characters, a topic's trailing cue may lie. */
    private static final int TOPIC_REACH = 20;

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
}
