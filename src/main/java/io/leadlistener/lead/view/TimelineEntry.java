package io.leadlistener.lead.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import io.leadlistener.intent.TaggingView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing that happened to a lead; which fields are present depends on {@code kind}:
 * <ul>
 * <li>{@code message} (at: the callback arrived) — messageId, inboxId, sentAt, text/textAbsent, intents, matches
 * (intent, keyword, text, start, end, parts; text left out when the tenant's text is not included),
 * ruleSetVersion;</li>
 * <li>{@code contact} (at: the callback arrived) — change (WeCom's ChangeType), effect on the lead;</li>
 * <li>{@code event} (at: Kafka acknowledged it) — type, eventId;</li>
 * <li>{@code action} (at: done, parked, else enqueued) — type, actionId, status (done, folded, pending, parked),
 * outcome (what WeCom answered worth keeping, or {@code purged}), lastError, attempts.</li>
 * </ul>
 */
@Schema(name = "LeadTimelineEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(@Schema(enumeration = {"message", "contact", "event", "action"}) String kind, Instant at,
                            String messageId, Long inboxId, Instant sentAt, String text, String textAbsent,
                            List<String> intents,
                            @Schema(type = SchemaType.ARRAY, implementation = TaggingView.MatchView.class)
                            JsonNode matches, Long ruleSetVersion,
                            String change, String effect,
                            String type, String eventId, String actionId, String status, String outcome,
                            String lastError, Integer attempts) {

    static TimelineEntry message(Instant at, String messageId, long inboxId, Instant sentAt, MessageTexts.Shown text,
                                 List<String> intents, JsonNode matches, Long ruleSetVersion) {
        return new TimelineEntry("message", at, messageId, inboxId, sentAt, text.text(), text.textAbsent(), intents,
                matches, ruleSetVersion, null, null, null, null, null, null, null, null, null);
    }

    static TimelineEntry contact(Instant at, long inboxId, String change, String effect) {
        return new TimelineEntry("contact", at, null, inboxId, null, null, null, null, null, null, change, effect,
                null, null, null, null, null, null, null);
    }

    static TimelineEntry event(Instant at, String type, String eventId) {
        return new TimelineEntry("event", at, null, null, null, null, null, null, null, null, null, null, type,
                eventId, null, null, null, null, null);
    }

    static TimelineEntry action(Instant at, String type, String actionId, String status, String outcome,
                                String lastError, int attempts) {
        return new TimelineEntry("action", at, null, null, null, null, null, null, null, null, null, null, type,
                null, actionId, status, outcome, lastError, attempts);
    }
}
