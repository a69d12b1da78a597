package io.leadlistener.intent.impact;

import java.time.Instant;
import java.util.List;

/**
 * What publishing a draft would change on recently stored messages: per intent, how many messages would gain or lose
 * it, with examples. "Before" is the rules published now, "after" the draft, both applied to the same texts.
 *
 * @param baseVersion       the version in force the draft is compared with
 * @param messagesEvaluated messages re-tagged both ways
 * @param messagesChanged   messages whose intents would differ
 * @param truncated         true when the count or time bound stopped the preview before the window's oldest message
 */
public record ImpactReport(String tenant, long baseVersion, Window window, int messagesEvaluated,
                           int messagesChanged, boolean truncated, long elapsedMs, List<IntentImpact> intents) {

    /** The evaluated period; {@code from} is {@code days} before {@code to} (the time of the request). */
    public record Window(Instant from, Instant to, int days) {
    }

    /**
     * One intent's change. {@code before} and {@code after} count the evaluated messages carrying the intent under
     * each rule set; {@code gained} and {@code lost} the messages that would change.
     */
    public record IntentImpact(String intent, int before, int after, int gained, int lost,
                               List<Example> gainedExamples, List<Example> lostExamples) {
    }

    /** A message that would change, newest first; {@code text} is customer text (render it as text, never markup). */
    public record Example(String messageId, Instant receivedAt, String text, List<String> intentsBefore,
                          List<String> intentsAfter) {
    }
}
