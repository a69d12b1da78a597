package io.leadlistener.intent.engine;

import java.util.List;

/**
 * The words of a word set, as written (normalized like keywords when compiled). Sets do not nest: a word
 * cannot be another set's {@code @name}.
 */
public record WordList(List<String> words) implements RuleDetail {

    /** Most words one set row may hold: a vocabulary, not a dictionary. */
    public static final int MAX_WORDS = 500;

    public WordList {
        if (words == null || words.isEmpty()) {
            throw new InvalidRuleException("words", "must list at least one word");
        }
        if (words.size() > MAX_WORDS) {
            throw new InvalidRuleException("words", "has " + words.size() + " words; the limit is " + MAX_WORDS);
        }
        words = words.stream().map(word -> Proximity.checkedWord("words", word)).distinct().toList();
        for (String word : words) {
            if (word.startsWith(Proximity.SET_REFERENCE)) {
                throw new InvalidRuleException("words", "'" + word + "' names a set: word sets do not nest");
            }
        }
    }
}
