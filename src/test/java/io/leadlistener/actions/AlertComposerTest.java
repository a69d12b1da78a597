package io.leadlistener.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final AlertComposer.Recipients ZHANGSAN = AlertComposer.Recipients.user("zhangsan");
    private static final String LINK = "https://leads.example.com/console?tenant=demo&message=m1";

    @Test
    void anAlertNamesTheCustomerTheIntentsInChineseTheWordsAndTheLine() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1000002, AlertFacts.of("external:wmC1",
                List.of("quote", "sample", "warranty"), List.of("报价", "样品"), "报价多少？能寄样品吗", "m1"),
                Map.of(), "markdown", null);

        assertThat(message.path("touser").asText()).isEqualTo("zhangsan");
        assertThat(message.has("toparty")).isFalse();
        assertThat(message.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(message.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(message.path("enable_duplicate_check").asInt()).isEqualTo(1);
        assertThat(message.path("duplicate_check_interval").asInt()).isEqualTo(1800);
        assertThat(message.at("/markdown/content").asText()).isEqualTo("""
                **新线索：报价、样品需求、warranty**
                > 客户：external:wmC1
                > 命中：报价、样品
                > 原话：报价多少？能寄样品吗""");
    }

    @Test
    void aTenantsLabelNamesItsCustomIntentAndCanRenameABuiltInOne() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1, AlertFacts.of("c", List.of("warranty", "quote"),
                List.of("保修"), null, "m1"), Map.of("warranty", "保修咨询", "quote", "询价"), "markdown", null);

        assertThat(message.at("/markdown/content").asText()).startsWith("**新线索：保修咨询、询价**");
    }

    @Test
    void withoutPermissionForMessageTextTheLineIsLeftOut() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1, AlertFacts.of("api:web:c1", List.of("agency"),
                List.of("代理"), null, "m1"), Map.of(), "markdown", null);

        assertThat(message.at("/markdown/content").asText()).contains("代理加盟").doesNotContain("原话");
    }

    @Test
    void aLongLineIsCutToWeComsLimitOnAWholeCharacter() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1, AlertFacts.of("api:web:c1", List.of("quote"),
                List.of("报价"), "报价" + "很长".repeat(1_000), "m1"), Map.of(), "markdown", LINK);

        String content = message.at("/markdown/content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AlertComposer.MAX_CONTENT_BYTES);
        assertThat(content).contains("…").endsWith("[查看消息](" + LINK + ")");
    }

    @Test
    void poolRecipientsAreUsersAndDepartments() {
        ObjectNode message = AlertComposer.compose(new AlertComposer.Recipients(List.of("zhangsan", "lisi"),
                List.of(2L, 7L)), 1, AlertFacts.of("user:wangwu", List.of("quote"), List.of("报价"), null, "m1"),
                Map.of(), "markdown", null);

        assertThat(message.path("touser").asText()).isEqualTo("zhangsan|lisi");
        assertThat(message.path("toparty").asText()).isEqualTo("2|7");
    }

    @Test
    void aFoldedAlertShowsEveryIntentOnceTheCountAndTheNewestLines() {
        AlertFacts folded = AlertFacts.of("c", List.of("quote"), List.of("报价"), "第一句报价", "m1")
                .fold(AlertFacts.of("c", List.of("sample", "quote"), List.of("样品", "报价"), "第二句样品", "m2"))
                .fold(AlertFacts.of("c", List.of("quote"), List.of("价格"), "第三句", "m3"))
                .fold(AlertFacts.of("c", List.of("agency"), List.of("代理"), "第四句代理", "m4"));

        assertThat(folded.intents()).containsExactly("quote", "sample", "agency");
        assertThat(folded.matchedWords()).containsExactly("报价", "样品", "价格", "代理");
        assertThat(folded.lines()).containsExactly("第二句样品", "第三句", "第四句代理");
        assertThat(folded.messages()).isEqualTo(4);
        assertThat(folded.lookupMessageId()).isEqualTo("m4");
        String content = AlertComposer.compose(ZHANGSAN, 1, folded, Map.of(), "markdown", null)
                .at("/markdown/content").asText();
        assertThat(content).startsWith("**新线索：报价、样品需求、代理加盟**").contains("共 4 条消息")
                .doesNotContain("第一句");
    }

    @Test
    void aTextcardLinksToTheLookupWithinWeComsLimitsAndEscapesTheLine() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1, AlertFacts.of("external:wmC1", List.of("quote"),
                List.of("报价"), "<b>报价</b> & 样品" + "很长".repeat(300), "m1"), Map.of(), "textcard", LINK);

        assertThat(message.path("msgtype").asText()).isEqualTo("textcard");
        assertThat(message.at("/textcard/title").asText()).isEqualTo("新线索：报价");
        assertThat(message.at("/textcard/url").asText()).isEqualTo(LINK);
        assertThat(message.at("/textcard/btntxt").asText()).isEqualTo("查看");
        String description = message.at("/textcard/description").asText();
        assertThat(description).startsWith("<div class=\"gray\">客户：external:wmC1</div>")
                .contains("<div class=\"highlight\">&lt;b&gt;报价&lt;/b&gt; &amp; 样品").endsWith("…</div>");
        assertThat(description.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AlertComposer.MAX_DESCRIPTION_BYTES);
    }

    @Test
    void aTextcardWithoutALinkFallsBackToMarkdown() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1, AlertFacts.of("c", List.of("quote"),
                List.of("报价"), null, "m1"), Map.of(), "textcard", null);

        assertThat(message.path("msgtype").asText()).isEqualTo("markdown");
    }

    @Test
    void aLongTitleIsCutToWeComsTextcardLimit() {
        ObjectNode message = AlertComposer.compose(ZHANGSAN, 1, AlertFacts.of("c", List.of("a", "b", "c"),
                List.of("x"), null, "m1"), Map.of("a", "很长的标签".repeat(10), "b", "另一个", "c", "第三个"),
                "textcard", LINK);

        assertThat(message.at("/textcard/title").asText().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AlertComposer.MAX_TITLE_BYTES);
    }

    @Test
    void theSameAlertIsComposedIdenticallyForWeComsDuplicateCheck() {
        AlertFacts facts = AlertFacts.of("api:web:c1", List.of("quote"), List.of("报价"), "报价多少", "m1");

        assertThat(AlertComposer.compose(ZHANGSAN, 1, facts, Map.of(), "textcard", LINK).toString())
                .isEqualTo(AlertComposer.compose(ZHANGSAN, 1, facts, Map.of(), "textcard", LINK).toString());
    }

    @Test
    void aNewContactAlertNamesTheCustomerAndTheChannel() {
        ObjectNode message = AlertComposer.composeNewContact(ZHANGSAN, 1, "external:wmC1", "expo-2026");

        assertThat(message.at("/markdown/content").asText()).isEqualTo("**新客户：external:wmC1 已添加**\n> 渠道：expo-2026");
    }

    @Test
    void aDigestListsEveryCustomerOnceWithinWeComsLimit() {
        DigestFacts digest = new DigestFacts("22:00–08:00", List.of(
                AlertFacts.of("客户甲", List.of("quote"), List.of("报价"), null, "m1")))
                .add(AlertFacts.of("客户乙", List.of("sample"), List.of("样品"), null, "m2"))
                .add(AlertFacts.of("客户甲", List.of("agency"), List.of("代理"), null, "m3"));

        assertThat(digest.customers()).hasSize(2);
        assertThat(AlertComposer.composeDigest(ZHANGSAN, 1, digest, Map.of()).at("/markdown/content").asText())
                .isEqualTo("""
                        **免打扰时段（22:00–08:00）的新线索：2 位客户**
                        > 客户甲：报价、代理加盟（2 条）
                        > 客户乙：样品需求""");

        DigestFacts crowded = new DigestFacts("22:00–08:00", List.of());
        for (int i = 0; i < 200; i++) {
            crowded = crowded.add(AlertFacts.of("一位很长名字的客户" + i, List.of("quote"), List.of("报价"), null, "m" + i));
        }
        String content = AlertComposer.composeDigest(null, 0, crowded, Map.of()).at("/markdown/content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AlertComposer.MAX_CONTENT_BYTES);
        assertThat(content).contains("200 位客户").containsPattern("…另有 \\d+ 位客户$");
    }
}
