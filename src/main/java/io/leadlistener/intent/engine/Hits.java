package io.leadlistener.intent.engine;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.handler.PayloadEmitHandler;

import java.util.Arrays;

/**
 * Everything the automaton found in one message, as parallel arrays (normalized offsets, end exclusive),
 * in the order the automaton reports them: by end position. One per {@link IntentTagger#tag} call.
 */
final class Hits implements PayloadEmitHandler<KeywordEntry> {

    static final int KEYWORD = 1;
    static final int EXCLUSION = 2;
    static final int CUE = 4;
    static final int TRAILING_CUE = 8;
    static final int CLAUSE_BREAK = 16;
    /** A word of a combination's or mention frame's part. */
    static final int PART = 32;
    static final int TOPIC_MARKER = 64;

    private final NormalizedText text;
    int size;
    /**
     * Per hit, three ints: start, end, and what it can do (a bit set of the constants above, so scans skip
     * entries cheaply). One array rather than three: fewer allocations per message.
     */
    private int[] spans = new int[3 * 16];
    KeywordEntry[] entries = new KeywordEntry[16];
    /** Union of {@link #roles}. */
    int allRoles;
    /** Characters covered by keyword hits, counted with overlaps: a bound for how much of a gap they fill. */
    int keywordChars;
    /** Whether one keyword hit lies inside another: only then can a shorter match be shadowed. */
    boolean nested;
    /** Greatest start and the end of the keyword hits so far, for {@link #nested}. */
    private int latestKeywordStart = -1;
    private int latestKeywordEnd = -1;
    /** Indices of the hits that are cues, exclusions, clause breaks or parts: usually few, so scans stay short. */
    int[] special = NONE;
    int specialCount;
    /** Where in the message the text handed to the automaton starts, when a walk reports to this object directly. */
    int offset;

    private static final int[] NONE = new int[0];

    Hits(NormalizedText text) {
        this.text = text;
    }

    @Override
    public boolean emit(PayloadEmit<KeywordEntry> emit) {
        return add(offset + emit.getStart(), offset + emit.getEnd() + 1, emit.getPayload());
    }

    /** Records a hit of {@code entry} at normalized [start, end), unless a word boundary or a sentence rules it out. */
    boolean add(int start, int end, KeywordEntry entry) {
        // Whole words only: ce is not in "82ce" or "price", sample not in "example".
        if (entry.latinStart && start > 0 && text.separatorCode(start) == 0
                && isLatinLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        if (entry.latinEnd && end < text.length() && text.separatorCode(end) == 0
                && isLatinLetterOrDigit(text.charAt(end))) {
            return false;
        }
        if (end - start > 1 && crossesPunctuation(start, end)) {
            return false; // 不用，麻烦 is not the cue 不用麻烦: words never reach across a clause boundary
        }
        if (size == entries.length) {
            spans = Arrays.copyOf(spans, 3 * size * 2);
            entries = Arrays.copyOf(entries, size * 2);
        }
        if ((entry.roles & KEYWORD) != 0) {
            // Hits arrive by end position, so an earlier keyword can only lie inside this one (it starts here or
            // later) or end where this one ends.
            if ((allRoles & KEYWORD) != 0 && (start <= latestKeywordStart || end == latestKeywordEnd)) {
                nested = true;
            }
            latestKeywordStart = Math.max(latestKeywordStart, start);
            latestKeywordEnd = end;
            keywordChars += end - start;
        }
        spans[3 * size] = start;
        spans[3 * size + 1] = end;
        spans[3 * size + 2] = entry.roles;
        entries[size] = entry;
        allRoles |= entry.roles;
        if ((entry.roles & ~KEYWORD) != 0) {
            if (specialCount == special.length) {
                special = Arrays.copyOf(special, Math.max(4, specialCount * 2));
            }
            special[specialCount++] = size;
        }
        size++;
        return true;
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return KeywordEntry.isLatinLetter(c) || c >= '0' && c <= '9';
    }

    /**
     * Whether clause punctuation separates two characters of [start, end): a comma or full stop as written
     * ({@code 不用，麻烦}), not one ASCII mark put inside a word to dodge filters ({@code 代.理}).
     */
    private boolean crossesPunctuation(int start, int end) {
        for (int p = start + 1; p < end; p++) {
            if (text.separatorCode(p) == CharacterFolding.HARD) {
                int removedFrom = text.originalEnd(p);
                int removedTo = text.originalStart(p);
                if (removedTo - removedFrom != 1 || text.original().charAt(removedFrom) > 0x7e) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean any(int role) {
        return (allRoles & role) != 0;
    }

    boolean is(int hit, int role) {
        return (spans[3 * hit + 2] & role) != 0;
    }

    int start(int hit) {
        return spans[3 * hit];
    }

    int end(int hit) {
        return spans[3 * hit + 1];
    }

    /** The longest exclusion phrase for {@code intent} whose occurrence contains [start, end), or null. */
    IntentRule exclusionAround(int start, int end, String intent) {
        return exclusionAround(start, end, intent, 0);
    }

    /**
     * The longest exclusion phrase for {@code intent} longer than {@code minLength} whose occurrence contains
     * [start, end), or null.
     */
    IntentRule exclusionAround(int start, int end, String intent, int minLength) {
        IntentRule longest = null;
        int longestLength = minLength;
        for (int k = 0; k < specialCount; k++) {
            int j = special[k];
            int length = end(j) - start(j);
            if (!is(j, Hits.EXCLUSION) || start(j) > start || end > end(j) || length <= longestLength) {
                continue;
            }
            for (IntentRule exclusion : entries[j].exclusions) {
                if (exclusion.appliesTo(intent)) {
                    longest = exclusion;
                    longestLength = length;
                    break;
                }
            }
        }
        return longest;
    }
}
