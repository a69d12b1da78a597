package io.leadlistener.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What an intent alert says, kept structured (in {@code wecom_action.facts}) so that later messages of the same
 * customer inside the folding window can be added to a scheduled alert before it is sent.
 *
 * @param customer        the customer as the alert names them
 * @param intents         intent ids, first seen first
 * @param matchedWords    the words that matched, first seen first
 * @param lines           the customer's lines, oldest first (empty when the tenant does not allow message text)
 * @param messages        how many tagged messages the alert stands for
 * @param lookupMessageId the newest message's id, for the console link
 */
record AlertFacts(String customer, List<String> intents, List<String> matchedWords, List<String> lines,
                  int messages, String lookupMessageId) {

    /** A folded alert shows at most this many lines: the newest ones. */
    static final int MAX_LINES = 3;

    AlertFacts {
        intents = List.copyOf(intents);
        matchedWords = List.copyOf(matchedWords);
        lines = List.copyOf(lines);
    }

    static AlertFacts of(String customer, List<String> intents, List<String> matchedWords, String line,
                         String messageId) {
        return new AlertFacts(customer, intents, matchedWords, line == null ? List.of() : List.of(line), 1,
                messageId);
    }

    /** This alert with a later message of the same customer folded in. */
    AlertFacts fold(AlertFacts later) {
        List<String> keptLines = new ArrayList<>(lines);
        keptLines.addAll(later.lines);
        while (keptLines.size() > MAX_LINES) {
            keptLines.remove(0);
        }
        return new AlertFacts(customer, union(intents, later.intents), union(matchedWords, later.matchedWords),
                keptLines, messages + later.messages, later.lookupMessageId);
    }

    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
