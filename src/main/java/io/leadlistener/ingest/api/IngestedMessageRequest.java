package io.leadlistener.ingest.api;

import io.leadlistener.ingest.IngestedMessage;
import io.leadlistener.rest.constraints.ChatText;
import io.leadlistener.rest.constraints.Identifier;
import io.leadlistener.rest.constraints.Matching;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message as a chat source sends it to {@code POST /api/v1/messages}. Read by {@code rest.JsonBodies}: every
 * problem of every field in one answer.
 *
 * @param sentAt      ISO-8601 with offset; the time of receipt when absent
 * @param channel     the sender's channel name (default {@code api}); with {@code messageId} the idempotency key
 * @param contactKind {@code api} (default: the contact is {@code channel:contactId}) or {@code external} (a WeCom
 *                    {@code external_userid}: the message joins that customer's lead)
 */
@Schema(name = "IngestedMessage", description = "A chat message from another source")
public record IngestedMessageRequest(
        @NotNull(message = "is required") @Identifier(max = 64) String tenant,
        @NotNull(message = "is required") @Identifier(max = MAX_ID_LENGTH) String contactId,
        @NotNull(message = "is required") @Identifier(max = MAX_ID_LENGTH) String messageId,
        @NotNull(message = "is required") @ChatText(maxCodePoints = MAX_TEXT_CODE_POINTS)
        @Schema(maxLength = MAX_TEXT_CODE_POINTS) String text,
        Instant sentAt,
        @Identifier(max = 64) String ownerUserId,
        @Matching(regexp = "[a-z0-9][a-z0-9._-]{0,31}",
                detail = "is not a channel name (lower-case letters, digits, '.', '_' or '-', at most 32)")
        @Schema(defaultValue = IngestedMessage.DEFAULT_CHANNEL, pattern = "[a-z0-9][a-z0-9._-]{0,31}") String channel,
        @Matching(regexp = "api|external", detail = "must be 'api' or 'external'")
        @Schema(defaultValue = IngestedMessage.KIND_API, enumeration = {"api", "external"}) String contactKind) {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_CODE_POINTS = 4_000;

    /** The message with its defaults filled in; {@code receivedAt} stands for an absent {@code sentAt}. */
    IngestedMessage toMessage(Instant receivedAt) {
        return new IngestedMessage(tenant, contactId, messageId, text, sentAt == null ? receivedAt : sentAt,
                ownerUserId, channel == null ? IngestedMessage.DEFAULT_CHANNEL : channel,
                contactKind == null ? IngestedMessage.KIND_API : contactKind);
    }

    @Override
    public String toString() { // never the text: it is the customer's
        return "IngestedMessageRequest[tenant=" + tenant + ", channel=" + channel + ", messageId=" + messageId + "]";
    }
}
