package io.leadlistener.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the WeCom app message that alerts a salesperson to a tagged message: the customer, the intents in Chinese,
 * the matched words, the line itself only when the tenant allows message text, and — when the console's public URL is
 * known — a link to the message look-up; as {@code markdown} or as a {@code textcard}. Built when the action is
 * enqueued (or a message is folded into it, before any attempt): nothing is computed at send time, so a resend is
 * identical and WeCom's {@code enable_duplicate_check} drops it.
 */
final class AlertComposer {

    /** WeCom's limits, in UTF-8 bytes: markdown content, textcard title and description. */
    static final int MAX_CONTENT_BYTES = 2048;
    static final int MAX_TITLE_BYTES = 128;
    static final int MAX_DESCRIPTION_BYTES = 512;
    /** WeCom drops identical content sent again within this window. */
    static final int DUPLICATE_CHECK_SECONDS = 1800;

    static final Map<String, String> BUILT_IN_LABELS = Map.of("quote", "报价", "sample", "样品需求", "agency",
            "代理加盟");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertComposer() {
    }

    /** Who gets it: userids ({@code touser}) and department ids ({@code toparty}). */
    record Recipients(List<String> users, List<Long> departments) {
        Recipients {
            users = List.copyOf(users);
            departments = List.copyOf(departments);
        }

        static Recipients user(String userId) {
            return new Recipients(List.of(userId), List.of());
        }

        boolean isEmpty() {
            return users.isEmpty() && departments.isEmpty();
        }

        @Override
        public String toString() {
            String parties = departments.isEmpty() ? "" : (users.isEmpty() ? "" : " ") + "departments "
                    + String.join("|", departments.stream().map(String::valueOf).toList());
            return String.join("|", users) + parties;
        }
    }

    /**
     * @param labels intent id → the tenant's label; built-in intents without one get their Chinese name
     * @param link   the console's look-up of the newest message, or null
     */
    static ObjectNode compose(Recipients to, int agentId, AlertFacts facts, Map<String, String> labels,
                              String format, String link) {
        ObjectNode message = envelope(to, agentId);
        String title = "新线索：" + labels(facts.intents(), labels);
        if ("textcard".equals(format) && link != null) {
            message.put("msgtype", "textcard");
            ObjectNode card = message.putObject("textcard");
            card.put("title", fit(title, MAX_TITLE_BYTES));
            card.put("description", description(facts));
            card.put("url", link);
            card.put("btntxt", "查看");
        } else {
            message.put("msgtype", "markdown");
            message.putObject("markdown").put("content", markdown(title, facts, link));
        }
        message.put("enable_duplicate_check", 1);
        message.put("duplicate_check_interval", DUPLICATE_CHECK_SECONDS);
        return message;
    }

    /**
     * A group robot's alert ({@code webhook/send} body): the same markdown as an app alert, no recipients — cut to the
     * app message's 2,048 bytes, well within a robot's 4,096.
     */
    static ObjectNode composeForRobot(AlertFacts facts, Map<String, String> labels, String link) {
        ObjectNode message = JSON.createObjectNode();
        message.put("msgtype", "markdown");
        message.putObject("markdown").put("content", markdown("新线索：" + labels(facts.intents(), labels), facts,
                link));
        return message;
    }

    /**
     * The digest of a quiet period: one line per customer (intents, how many messages), newest customers last, cut
     * to WeCom's limit with a count of those left out. An app message when {@code to} is given, else a robot's.
     */
    static ObjectNode composeDigest(Recipients to, int agentId, DigestFacts digest, Map<String, String> labels) {
        StringBuilder content = new StringBuilder("**免打扰时段（" + digest.period() + "）的新线索："
                + digest.customers().size() + " 位客户**\n");
        int shown = 0;
        for (AlertFacts customer : digest.customers()) {
            String line = "> " + customer.customer() + "：" + labels(customer.intents(), labels)
                    + (customer.messages() > 1 ? "（" + customer.messages() + " 条）" : "") + "\n";
            if (bytes(content + line) > MAX_CONTENT_BYTES - 64) {
                break;
            }
            content.append(line);
            shown++;
        }
        if (shown < digest.customers().size()) {
            content.append("> …另有 ").append(digest.customers().size() - shown).append(" 位客户");
        }
        ObjectNode message = to == null ? JSON.createObjectNode() : envelope(to, agentId);
        message.put("msgtype", "markdown");
        message.putObject("markdown").put("content", content.toString().strip());
        if (to != null) {
            message.put("enable_duplicate_check", 1);
            message.put("duplicate_check_interval", DUPLICATE_CHECK_SECONDS);
        }
        return message;
    }

    /** The short alert for an added external contact. */
    static ObjectNode composeNewContact(Recipients to, int agentId, String customer, String state) {
        ObjectNode message = envelope(to, agentId);
        message.put("msgtype", "markdown");
        String content = "**新客户：" + customer + " 已添加**" + (state == null || state.isBlank() ? ""
                : "\n> 渠道：" + state);
        message.putObject("markdown").put("content", fit(content, MAX_CONTENT_BYTES));
        message.put("enable_duplicate_check", 1);
        message.put("duplicate_check_interval", DUPLICATE_CHECK_SECONDS);
        return message;
    }

    private static ObjectNode envelope(Recipients to, int agentId) {
        ObjectNode message = JSON.createObjectNode();
        if (!to.users().isEmpty()) {
            message.put("touser", String.join("|", to.users()));
        }
        if (!to.departments().isEmpty()) {
            message.put("toparty", String.join("|", to.departments().stream().map(String::valueOf).toList()));
        }
        message.put("agentid", agentId);
        return message;
    }

    private static String markdown(String title, AlertFacts facts, String link) {
        StringBuilder content = new StringBuilder();
        content.append("**").append(title).append("**\n");
        content.append("> 客户：").append(facts.customer()).append('\n');
        content.append("> 命中：").append(String.join("、", facts.matchedWords())).append('\n');
        if (facts.messages() > 1) {
            content.append("> 共 ").append(facts.messages()).append(" 条消息\n");
        }
        String linkLine = link == null ? "" : "[查看消息](" + link + ")";
        for (String line : facts.lines()) {
            int room = MAX_CONTENT_BYTES - bytes(content.toString()) - bytes(linkLine) - bytes("> 原话：\n");
            if (room < 16) {
                break;
            }
            content.append("> 原话：").append(fit(line, room)).append('\n');
        }
        content.append(linkLine);
        return content.toString().strip();
    }

    /** A textcard's description: WeCom renders its {@code div} classes gray, normal and highlight. */
    private static String description(AlertFacts facts) {
        String count = facts.messages() > 1 ? "（共 " + facts.messages() + " 条消息）" : "";
        String head = "<div class=\"gray\">客户：" + escapedWithin(facts.customer(), 120) + "</div>"
                + "<div class=\"normal\">命中：" + escapedWithin(String.join("、", facts.matchedWords()), 200)
                + count + "</div>";
        String open = "<div class=\"highlight\">";
        String close = "</div>";
        int room = MAX_DESCRIPTION_BYTES - bytes(head) - bytes(open) - bytes(close);
        if (facts.lines().isEmpty() || room < 16) {
            return head;
        }
        return head + open + escapedWithin(facts.lines().get(facts.lines().size() - 1), room) + close;
    }

    /** The text cut to fit {@code budget} bytes once escaped for the textcard's HTML (never cut inside an entity). */
    private static String escapedWithin(String text, int budget) {
        String escaped = html(fit(text, budget));
        for (int cut = budget; bytes(escaped) > budget && cut > 8; cut /= 2) {
            escaped = html(fit(text, cut / 2));
        }
        return escaped;
    }

    /** The intents by label: the tenant's label, else the built-in Chinese name, else the id. */
    static String labels(List<String> intents, Map<String, String> labels) {
        return String.join("、", intents.stream().map(intent -> {
            String label = labels.get(intent);
            return label != null && !label.isBlank() ? label : BUILT_IN_LABELS.getOrDefault(intent, intent);
        }).toList());
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

    /** Escaped for the textcard's HTML. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
