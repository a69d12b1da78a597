package io.leadlistener.kf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One entry of {@code kf/sync_msg}'s {@code msg_list}, as stored in the inbox ({@code source = wecom-kf}, payload =
 * the entry's JSON).
 *
 * @param origin 3 = sent by the customer (微信客户), 4 = system, 5 = the 接待人员 (employee)
 * @param text   the {@code text.content} of a text message, null for other types
 */
public record KfMessage(String msgId, String openKfId, String externalUserId, Instant sendTime, int origin,
                        String msgType, String text) {

    /** Inbox {@code source} of pulled 微信客服 messages. */
    public static final String SOURCE = "wecom-kf";
    /** The {@code origin} of a message the customer sent. */
    public static final int FROM_CUSTOMER = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    public static KfMessage of(JsonNode entry) {
        JsonNode content = entry.path("text").path("content");
        return new KfMessage(entry.path("msgid").asText(null), entry.path("open_kfid").asText(null),
                entry.path("external_userid").asText(null), Instant.ofEpochSecond(entry.path("send_time").asLong()),
                entry.path("origin").asInt(-1), entry.path("msgtype").asText("unknown"),
                "text".equals(entry.path("msgtype").asText()) && content.isTextual() ? content.asText() : null);
    }

    public static KfMessage parse(String payload) {
        try {
            return of(JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("stored 微信客服 message is not JSON", e);
        }
    }

    /** Dedupe key in the inbox: WeCom's msgid is unique per corp. */
    public String dedupeKey() {
        return "kf-msg|" + msgId;
    }

    /** Ordered with the same customer's 客户联系 events ({@code external:<ExternalUserID>}). */
    public String contactKey() {
        return "external:" + externalUserId;
    }

    @Override
    public String toString() {
        return "KfMessage[msgId=" + msgId + ", openKfId=" + openKfId + ", externalUserId=" + externalUserId
                + ", origin=" + origin + ", type=" + msgType + ", textLength=" + (text == null ? 0 : text.length())
                + "]";
    }
}
