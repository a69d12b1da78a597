package io.leadlistener.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the WeCom app message that alerts a salesperson to a tagged message: a markdown card with the customer, the
 * intents in Chinese, the matched words and — only when the tenant allows message text — the line itself. Built once,
 * when the action is enqueued: nothing in it is computed at send time, so a resend is identical and WeCom's
 * {@code enable_duplicate_check} drops it.
 */
final class AlertComposer {

    /** WeCom's limit for markdown content, in UTF-8 bytes. */
    static final int MAX_CONTENT_BYTES = 2048;
    /** WeCom drops identical content sent again within this window. */
    static final int DUPLICATE_CHECK_SECONDS = 1800;

    private static final Map<String, String> LABELS = Map.of("quote", "报价", "sample", "样品需求", "agency", "代理加盟");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertComposer() {
    }

    /** What the alert says; {@code text} null when the tenant does not allow message text. */
    record Alert(String toUser, int agentId, String customer, List<String> intents, List<String> matchedWords,
                 String text) {
    }

    static ObjectNode compose(Alert alert) {
        StringBuilder content = new StringBuilder();
        content.append("**新线索：").append(labels(alert.intents())).append("**\n");
        content.append("> 客户：").append(alert.customer()).append('\n');
        content.append("> 命中：").append(String.join("、", alert.matchedWords())).append('\n');
        if (alert.text() != null) {
            content.append("> 原话：");
            content.append(fit(alert.text(), MAX_CONTENT_BYTES - bytes(content.toString())));
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("touser", alert.toUser());
        message.put("msgtype", "markdown");
        message.put("agentid", alert.agentId());
        message.putObject("markdown").put("content", content.toString().strip());
        message.put("enable_duplicate_check", 1);
        message.put("duplicate_check_interval", DUPLICATE_CHECK_SECONDS);
        return message;
    }

    /** The intents in Chinese (custom intents by their id until tenant labels reach the alert). */
    static String labels(List<String> intents) {
        return String.join("、", intents.stream().map(intent -> LABELS.getOrDefault(intent, intent)).toList());
    }

    /** The longest prefix (whole code points) that fits {@code budget} UTF-8 bytes, marked when cut. */
    static String fit(String text, int budget) {
        if (bytes(text) <= budget) {
            return text;
        }
        String ellipsis = "…";
        int room = budget - bytes(ellipsis);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + ellipsis;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
