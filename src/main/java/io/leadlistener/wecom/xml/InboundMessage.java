package io.leadlistener.wecom.xml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A decrypted WeCom message or event: the fields this service uses, typed, plus every top-level element in
 * {@link #fields()} (see {@link FlatXmlReader} for how nested elements are represented).
 *
 * <p>Every typed field is {@code null} when its element is absent. Field meanings are in
 * {@code shared/design/wecom-protocol.md}, "Where customer text really comes from": {@code userId} is the
 * employee and {@code externalUserId} the customer of a customer-contact event; {@code openKfId} and
 * {@code token} belong to a 微信客服 {@code kf_msg_or_event} notification.
 *
 * <p>{@link #toString()} never shows {@code Content} (customer PII) nor the kf {@code Token} and
 * {@code WelcomeCode}, which are short-lived credentials.
 */
public record InboundMessage(
        String toUserName,
        String fromUserName,
        Long createTime,
        String msgType,
        String event,
        String changeType,
        String msgId,
        String content,
        String agentId,
        String userId,
        String externalUserId,
        String state,
        String welcomeCode,
        String openKfId,
        String token,
        Map<String, String> fields) {

    /** {@code Event} of a customer-contact change (客户联系 · 变更回调). */
    public static final String EVENT_CHANGE_EXTERNAL_CONTACT = "change_external_contact";
    /** {@code Event} of a 微信客服 notification; the messages themselves are pulled with sync_msg. */
    public static final String EVENT_KF_MSG_OR_EVENT = "kf_msg_or_event";

    public InboundMessage {
        Objects.requireNonNull(fields, "fields");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Builds a message from its top-level elements.
     *
     * @throws MalformedCallbackXmlException if {@code MsgType} is missing or empty, or {@code CreateTime} is
     *         present but not decimal epoch seconds
     */
    public static InboundMessage fromFields(Map<String, String> fields) {
        String msgType = fields.get("MsgType");
        if (msgType == null) {
            throw new MalformedCallbackXmlException("missing <MsgType>");
        }
        if (msgType.isBlank()) {
            throw new MalformedCallbackXmlException("<MsgType> is empty");
        }
        return new InboundMessage(
                fields.get("ToUserName"),
                fields.get("FromUserName"),
                createTime(fields.get("CreateTime")),
                msgType,
                fields.get("Event"),
                fields.get("ChangeType"),
                fields.get("MsgId"),
                fields.get("Content"),
                fields.get("AgentID"),
                fields.get("UserID"),
                fields.get("ExternalUserID"),
                fields.get("State"),
                fields.get("WelcomeCode"),
                fields.get("OpenKfId"),
                fields.get("Token"),
                fields);
    }

    private static Long createTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedCallbackXmlException("<CreateTime> is not decimal epoch seconds");
        }
        return Long.parseLong(digits);
    }

    /**
     * The key under which retries of this callback collapse into one inbox entry (WeCom retries up to three
     * times). The inbox's unique constraint also includes the tenant. See {@link InboundMessageKeys}.
     *
     * @param corpId the tenant's CorpID
     */
    public String dedupeKey(String corpId) {
        return InboundMessageKeys.dedupeKey(this, corpId);
    }

    /** The conversation this message belongs to, for per-contact ordering. See {@link InboundMessageKeys}. */
    public String contactKey() {
        return InboundMessageKeys.contactKey(this);
    }

    public boolean isEvent(String eventName) {
        return eventName.equals(event);
    }

    @Override
    public String toString() {
        return "InboundMessage[msgType=" + msgType
                + ", event=" + event
                + ", changeType=" + changeType
                + ", msgId=" + msgId
                + ", createTime=" + createTime
                + ", toUserName=" + toUserName
                + ", fromUserName=" + fromUserName
                + ", agentId=" + agentId
                + ", userId=" + userId
                + ", externalUserId=" + externalUserId
                + ", state=" + state
                + ", openKfId=" + openKfId
                + ", content=" + (content == null ? "null" : "<" + content.length() + " chars>")
                + ", welcomeCode=" + (welcomeCode == null ? "null" : "****")
                + ", token=" + (token == null ? "null" : "****")
                + ", fields=" + fields.keySet()
                + "]";
    }
}
