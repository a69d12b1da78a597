package io.leadlistener.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    @Test
    void anAlertNamesTheCustomerTheIntentsInChineseTheWordsAndTheLine() {
        ObjectNode message = AlertComposer.compose(new AlertComposer.Alert("zhangsan", 1000002, "external:wmC1",
                List.of("quote", "sample", "warranty"), List.of("报价", "样品"), "报价多少？能寄样品吗"));

        assertThat(message.path("touser").asText()).isEqualTo("zhangsan");
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
    void withoutPermissionForMessageTextTheLineIsLeftOut() {
        ObjectNode message = AlertComposer.compose(new AlertComposer.Alert("zhangsan", 1, "api:web:c1",
                List.of("agency"), List.of("代理"), null));

        assertThat(message.at("/markdown/content").asText()).contains("代理加盟").doesNotContain("原话");
    }

    @Test
    void aLongLineIsCutToWeComsLimitOnAWholeCharacter() {
        ObjectNode message = AlertComposer.compose(new AlertComposer.Alert("zhangsan", 1, "api:web:c1",
                List.of("quote"), List.of("报价"), "报价" + "很长".repeat(1_000)));

        String content = message.at("/markdown/content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AlertComposer.MAX_CONTENT_BYTES);
        assertThat(content).endsWith("…");
    }

    @Test
    void theSameAlertIsComposedIdenticallyForWeComsDuplicateCheck() {
        AlertComposer.Alert alert = new AlertComposer.Alert("zhangsan", 1, "api:web:c1", List.of("quote"),
                List.of("报价"), "报价多少");

        assertThat(AlertComposer.compose(alert).toString()).isEqualTo(AlertComposer.compose(alert).toString());
    }
}
