package io.leadlistener.wecom.xml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deduplication and contact keys for {@link InboundMessage}, following {@code shared/design/wecom-protocol.md},
 * "Messages and events". Components are joined with {@code |}; inside a component {@code %} and {@code |}
 * are percent-encoded, so different messages cannot produce the same key by containing the separator, and an
 * absent field is the empty string.
 *
 * <p>Dedupe keys:
 * <ul>
 *   <li>a message with a {@code MsgId}: {@code msg|<MsgId>} (unique per corp; the inbox's unique constraint
 *       adds the tenant);</li>
 *   <li>{@code change_external_contact}: {@code corpId|Event|ChangeType|UserID|ExternalUserID|CreateTime};</li>
 *   <li>{@code kf_msg_or_event}: {@code corpId|Event|OpenKfId|Token} (each notification has a fresh Token);</li>
 *   <li>anything else: {@code corpId|MsgType|Event|FromUserName|CreateTime|sha256:<hex>}, the digest taken over
 *       every top-level field (name and value, sorted by name). WeCom's other events have no common id and
 *       their identifying fields vary by type (EventKey, ChatId, TaskId, a JobId nested in BatchJob, ...);
 *       a digest of everything is exactly as strict as "a retry repeats the same plaintext", so it never
 *       merges two different events, while the readable prefix still helps when browsing the inbox.</li>
 * </ul>
 *
 * <p>Contact keys: {@code external:<ExternalUserID>} for customer-contact events, {@code kf:<OpenKfId>} for
 * 微信客服 notifications, otherwise {@code user:<FromUserName>}.
 */
final class InboundMessageKeys {

    private static final HexFormat HEX = HexFormat.of();

    private InboundMessageKeys() {
    }

    static String dedupeKey(InboundMessage message, String corpId) {
        if (corpId == null || corpId.isBlank()) {
            throw new IllegalArgumentException("corpId is required for a dedupe key");
        }
        if (present(message.msgId())) {
            return join("msg", message.msgId());
        }
        if (message.isEvent(InboundMessage.EVENT_CHANGE_EXTERNAL_CONTACT)) {
            return join(corpId, message.event(), message.changeType(), message.userId(), message.externalUserId(),
                    createTime(message));
        }
        if (message.isEvent(InboundMessage.EVENT_KF_MSG_OR_EVENT)) {
            return join(corpId, message.event(), message.openKfId(), message.token());
        }
        return join(corpId, message.msgType(), message.event(), message.fromUserName(), createTime(message),
                "sha256:" + digest(message.fields()));
    }

    static String contactKey(InboundMessage message) {
        if (message.isEvent(InboundMessage.EVENT_CHANGE_EXTERNAL_CONTACT) && present(message.externalUserId())) {
            return "external:" + message.externalUserId();
        }
        if (message.isEvent(InboundMessage.EVENT_KF_MSG_OR_EVENT) && present(message.openKfId())) {
            return "kf:" + message.openKfId();
        }
        return "user:" + nullToEmpty(message.fromUserName());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String createTime(InboundMessage message) {
        return message.createTime() == null ? "" : message.createTime().toString();
    }

    private static String join(String... components) {
        StringBuilder key = new StringBuilder();
        for (String component : components) {
            if (key.length() > 0) {
                key.append('|');
            }
            key.append(nullToEmpty(component).replace("%", "%25").replace("|", "%7C"));
        }
        return key.toString();
    }

    /** Length-prefixed so that no two different field maps serialise to the same bytes. */
    private static String digest(Map<String, String> fields) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> canonical
                .append(name.length()).append(':').append(name)
                .append(value.length()).append(':').append(value));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
