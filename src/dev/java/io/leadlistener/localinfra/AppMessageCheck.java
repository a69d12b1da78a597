package io.leadlistener.localinfra;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the dev fake checks in a {@code POST /cgi-bin/message/send} body before it "delivers" an alert, with the errcode
 * WeCom answers for each mistake (https://developer.work.weixin.qq.com/document/path/90236): a recipient, the app's
 * agentid, a {@code markdown} or {@code textcard} message type with its object, and WeCom's size limits. Only the
 * two message types the service sends are accepted, so an alert the service could not deliver fails in dev mode too.
 */
final class AppMessageCheck {

    /** WeCom's limits in UTF-8 bytes (markdown content; textcard title and description). */
    static final int MAX_MARKDOWN_BYTES = 2048;
    static final int MAX_TITLE_BYTES = 128;
    static final int MAX_DESCRIPTION_BYTES = 512;

    private AppMessageCheck() {
    }

    /**
     * The refusal WeCom would answer, or empty when the message would be sent.
     *
     * @param agentId the app's AgentID as configured for the tenant; empty when it has none, so no agentid is valid
     */
    static Optional<WeComRefusal> check(JsonNode body, Optional<String> agentId) {
        if (body == null || !body.isObject()) {
            return refuse(WeComRefusal.DATA_FORMAT_ERROR, "data format error: the body must be a JSON object");
        }
        if (text(body, "agentid").isEmpty()) {
            return refuse(WeComRefusal.MISSING_AGENTID, "missing agentid");
        }
        if (!agentId.map(text(body, "agentid")::equals).orElse(false)) {
            return refuse(WeComRefusal.INVALID_AGENTID, "invalid agentid " + text(body, "agentid")
                    + ": the demo app's agent-id is " + agentId.orElse("not configured"));
        }
        // WeCom wants at least one of them; with none left it answers as when every recipient is invalid.
        if (text(body, "touser").isEmpty() && text(body, "toparty").isEmpty() && text(body, "totag").isEmpty()) {
            return refuse(WeComRefusal.NO_VALID_RECIPIENT, "touser, toparty and totag are all empty");
        }
        String msgtype = text(body, "msgtype");
        return switch (msgtype) {
            case "markdown" -> checkMarkdown(body.path("markdown"));
            case "textcard" -> checkTextcard(body.path("textcard"));
            default -> refuse(WeComRefusal.INVALID_MSGTYPE, "invalid msgtype '" + msgtype
                    + "': the dev fake takes markdown or textcard, the types the service sends");
        };
    }

    /** One readable line for the dev log: recipients, message type and the alert's title or first line. */
    static String describe(JsonNode body) {
        StringBuilder recipients = new StringBuilder(text(body, "touser"));
        if (!text(body, "toparty").isEmpty()) {
            recipients.append(recipients.length() == 0 ? "" : " ").append("party:").append(text(body, "toparty"));
        }
        if (!text(body, "totag").isEmpty()) {
            recipients.append(recipients.length() == 0 ? "" : " ").append("tag:").append(text(body, "totag"));
        }
        String msgtype = text(body, "msgtype");
        String headline = "textcard".equals(msgtype) ? text(body.path("textcard"), "title")
                : firstLine(text(body.path("markdown"), "content"));
        return "to=" + recipients + " msgtype=" + msgtype + " \"" + headline + "\"";
    }

    private static Optional<WeComRefusal> checkMarkdown(JsonNode markdown) {
        String content = text(markdown, "content");
        if (content.isBlank()) {
            return refuse(WeComRefusal.EMPTY_CONTENT, "markdown.content is empty");
        }
        return tooLong("markdown.content", content, MAX_MARKDOWN_BYTES);
    }

    private static Optional<WeComRefusal> checkTextcard(JsonNode textcard) {
        if (text(textcard, "title").isBlank()) {
            return refuse(WeComRefusal.MISSING_TITLE, "missing textcard.title");
        }
        if (text(textcard, "description").isBlank()) {
            return refuse(WeComRefusal.MISSING_DESCRIPTION, "missing textcard.description");
        }
        if (text(textcard, "url").isBlank()) {
            return refuse(WeComRefusal.MISSING_URL, "missing textcard.url");
        }
        return tooLong("textcard.title", text(textcard, "title"), MAX_TITLE_BYTES)
                .or(() -> tooLong("textcard.description", text(textcard, "description"), MAX_DESCRIPTION_BYTES));
    }

    private static Optional<WeComRefusal> tooLong(String field, String value, int maxBytes) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= maxBytes ? Optional.empty() : refuse(WeComRefusal.CONTENT_TOO_LONG,
                field + " is " + bytes + " bytes, WeCom takes at most " + maxBytes);
    }

    /** The first non-blank line without markdown's heading, quote and bold marks. */
    private static String firstLine(String content) {
        return content.lines()
                .map(line -> line.replace("**", "").replaceFirst("^[#>\\s]+", "").strip())
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse("");
    }

    /** A field's value as text ({@code agentid} may be a number), "" when absent or null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static Optional<WeComRefusal> refuse(int errcode, String errmsg) {
        return Optional.of(new WeComRefusal(errcode, errmsg));
    }
}
