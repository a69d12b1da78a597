package io.leadlistener.intent.impact;

import io.leadlistener.errors.ConflictException;
import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.inbox.MessageSources;
import io.leadlistener.inbox.ProcessedMessages;
import io.leadlistener.inbox.ProcessedMessages.ProcessedMessage;
import io.leadlistener.inbox.RetainedTextWindow;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.rules.IntentConfig;
import io.leadlistener.intent.rules.RuleSetEditor;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.RuleSetTaggers;
import io.leadlistener.intent.rules.RuleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates a rule set's draft against the messages stored in the last N days, before anyone publishes it. Read-only,
 * bounded by a message count and a time limit, newest messages first (so a truncated preview covers the most recent
 * traffic). A draft of {@code default} is evaluated on every tenant's messages with each tenant's own layer.
 */
@ApplicationScoped
public class ImpactPreview {

    private static final int PAGE = 500;
    private static final int MAX_EXAMPLE_LENGTH = 300;

    private final RuleSetEditor editor;
    private final RuleStore store;
    private final RuleSetNames names;
    private final RuleSetTaggers taggers;
    private final ProcessedMessages messages;
    private final MessageSources sources;
    private final IntentConfig.Impact bounds;
    private final RetainedTextWindow textWindow;
    private final Clock clock;

    public ImpactPreview(RuleSetEditor editor, RuleStore store, RuleSetNames names, RuleSetTaggers taggers,
                         ProcessedMessages messages, MessageSources sources, IntentConfig intentConfig,
                         RetainedTextWindow textWindow, Clock clock) {
        this.editor = editor;
        this.store = store;
        this.names = names;
        this.taggers = taggers;
        this.messages = messages;
        this.sources = sources;
        this.bounds = intentConfig.impact();
        this.textWindow = textWindow;
        this.clock = clock;
    }

    public int maxMessages() {
        return bounds.maxMessages();
    }

    /** @throws ConflictException when the draft has no changes; InvalidInputException for days or a count out of bounds */
    public ImpactReport preview(String ruleSet, int days, int maxMessages) {
        textWindow.requireDays(days, "invalid-impact-request");
        if (maxMessages < 1 || maxMessages > bounds.maxMessages()) {
            throw new InvalidInputException("invalid-impact-request", "maxMessages must be between 1 and "
                    + bounds.maxMessages() + " (leadlistener.intent.impact.max-messages); got " + maxMessages);
        }
        long started = System.nanoTime();
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        // A short transaction of its own: reading the changes takes the rule set's edit lock, which the (longer)
        // evaluation must not hold.
        if (QuarkusTransaction.requiringNew().call(() -> editor.draftChanges(ruleSet)).isEmpty()) {
            throw new ConflictException("no-draft-changes", "the draft of rule set '" + ruleSet
                    + "' has no changes against its latest version: nothing to preview");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> tenants = RuleSetNames.DEFAULT.equals(ruleSet)
                    ? names.all().stream().filter(name -> !RuleSetNames.DEFAULT.equals(name)).toList()
                    : List.of(ruleSet);
            Map<String, IntentTagger> before = new HashMap<>();
            Map<String, IntentTagger> after = new HashMap<>();
            for (String tenant : tenants) {
                before.put(tenant, taggers.published(tenant));
                after.put(tenant, taggers.withDraft(ruleSet, tenant));
            }
            long baseVersion = store.latestVersion(ruleSet).orElse(0L);
            if (!RuleSetNames.DEFAULT.equals(ruleSet)) {
                baseVersion = Math.max(baseVersion, store.latestVersion(RuleSetNames.DEFAULT).orElse(0L));
            }
            Tally tally = new Tally(bounds.examplesPerIntent());
            long deadline = started + bounds.timeLimit().toNanos();
            boolean truncated = false;
            long beforeId = Long.MAX_VALUE;
            while (true) {
                int room = maxMessages - tally.evaluated;
                List<ProcessedMessage> page = messages.newestFirst(tenants, from, beforeId, Math.min(PAGE, room + 1));
                for (ProcessedMessage message : page) {
                    if (tally.evaluated == maxMessages || System.nanoTime() > deadline) {
                        truncated = true;
                        break;
                    }
                    String text = sources.textOf(message.item().source(), message.item().payload());
                    if (text != null && !text.isBlank()) {
                        String tenant = message.item().tenantId();
                        tally.add(message, text, before.get(tenant).tag(text).intents(),
                                after.get(tenant).tag(text).intents());
                    }
                    beforeId = message.item().id();
                }
                if (truncated || page.size() < Math.min(PAGE, room + 1)) {
                    break;
                }
            }
            return new ImpactReport(ruleSet, baseVersion, new ImpactReport.Window(from, to, days), tally.evaluated,
                    tally.changed, truncated, (System.nanoTime() - started) / 1_000_000, tally.intents());
        });
    }

    /** Counts per intent, in name order. */
    private static final class Tally {

        private final int examplesPerIntent;
        private final Map<String, Counts> byIntent = new TreeMap<>();
        private int evaluated;
        private int changed;

        Tally(int examplesPerIntent) {
            this.examplesPerIntent = examplesPerIntent;
        }

        void add(ProcessedMessage message, String text, List<String> intentsBefore, List<String> intentsAfter) {
            evaluated++;
            if (!intentsBefore.equals(intentsAfter)) {
                changed++;
            }
            ImpactReport.Example example = null;
            for (String intent : intentsBefore) {
                Counts counts = counts(intent);
                counts.before++;
                if (!intentsAfter.contains(intent)) {
                    counts.lost++;
                    example = example != null ? example : example(message, text, intentsBefore, intentsAfter);
                    if (counts.lostExamples.size() < examplesPerIntent) {
                        counts.lostExamples.add(example);
                    }
                }
            }
            for (String intent : intentsAfter) {
                Counts counts = counts(intent);
                counts.after++;
                if (!intentsBefore.contains(intent)) {
                    counts.gained++;
                    example = example != null ? example : example(message, text, intentsBefore, intentsAfter);
                    if (counts.gainedExamples.size() < examplesPerIntent) {
                        counts.gainedExamples.add(example);
                    }
                }
            }
        }

        List<ImpactReport.IntentImpact> intents() {
            return byIntent.entrySet().stream().map(entry -> new ImpactReport.IntentImpact(entry.getKey(),
                    entry.getValue().before, entry.getValue().after, entry.getValue().gained, entry.getValue().lost,
                    List.copyOf(entry.getValue().gainedExamples), List.copyOf(entry.getValue().lostExamples)))
                    .toList();
        }

        private Counts counts(String intent) {
            return byIntent.computeIfAbsent(intent, name -> new Counts());
        }

        private static ImpactReport.Example example(ProcessedMessage message, String text, List<String> before,
                                                    List<String> after) {
            String shown = text.codePointCount(0, text.length()) <= MAX_EXAMPLE_LENGTH ? text
                    : text.substring(0, text.offsetByCodePoints(0, MAX_EXAMPLE_LENGTH)) + "…";
            return new ImpactReport.Example(message.messageId(), message.item().receivedAt(), shown, before, after);
        }
    }

    private static final class Counts {
        int before;
        int after;
        int gained;
        int lost;
        final List<ImpactReport.Example> gainedExamples = new java.util.ArrayList<>();
        final List<ImpactReport.Example> lostExamples = new java.util.ArrayList<>();
    }
}
