package io.leadlistener.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class AppMessageCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<String> AGENT_ID = Optional.of("1000002");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a markdown alert to a user             | {"touser":"zhangsan","msgtype":"markdown","agentid":1000002,"markdown":{"content":"**新线索：报价**"},"enable_duplicate_check":1}
            a markdown alert to a department       | {"toparty":"2","msgtype":"markdown","agentid":1000002,"markdown":{"content":"x"}}
            a textcard                             | {"touser":"lisi","msgtype":"textcard","agentid":"1000002","textcard":{"title":"新线索","description":"报价","url":"https://example.com/m/1"}}
            """)
    void acceptsWhatWeComWouldSend(String why, String body) throws Exception {
        assertThat(AppMessageCheck.check(JSON.readTree(body), AGENT_ID)).as(why).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object                          | []                                                                                    | 47001
            no agentid                             | {"touser":"zhangsan","msgtype":"markdown","markdown":{"content":"x"}}                  | 41011
            another app's agentid                  | {"touser":"zhangsan","msgtype":"markdown","agentid":1000003,"markdown":{"content":"x"}} | 40056
            no recipient                           | {"touser":"","msgtype":"markdown","agentid":1000002,"markdown":{"content":"x"}}        | 81013
            a message type the service never sends | {"touser":"zhangsan","msgtype":"text","agentid":1000002,"text":{"content":"x"}}         | 40008
            no msgtype                             | {"touser":"zhangsan","agentid":1000002,"markdown":{"content":"x"}}                      | 40008
            markdown without its object            | {"touser":"zhangsan","msgtype":"markdown","agentid":1000002}                            | 44004
            markdown with blank content            | {"touser":"zhangsan","msgtype":"markdown","agentid":1000002,"markdown":{"content":" "}} | 44004
            textcard without title                 | {"touser":"zhangsan","msgtype":"textcard","agentid":1000002,"textcard":{"description":"d","url":"https://e.com"}} | 41016
            textcard without description           | {"touser":"zhangsan","msgtype":"textcard","agentid":1000002,"textcard":{"title":"t","url":"https://e.com"}}       | 41013
            textcard without url                   | {"touser":"zhangsan","msgtype":"textcard","agentid":1000002,"textcard":{"title":"t","description":"d"}}           | 41010
            """)
    void refusesWithWeComsErrcode(String why, String body, int errcode) throws Exception {
        assertThat(AppMessageCheck.check(JSON.readTree(body), AGENT_ID)).as(why)
                .map(WeComRefusal::errcode).contains(errcode);
    }

    @Test
    void refusesEveryAgentIdWhenTheTenantHasNone() throws Exception {
        JsonNode body = JSON.readTree("{\"touser\":\"zhangsan\",\"msgtype\":\"markdown\",\"agentid\":1000002,"
                + "\"markdown\":{\"content\":\"x\"}}");

        assertThat(AppMessageCheck.check(body, Optional.empty())).map(WeComRefusal::errcode).contains(40056);
    }

    @Test
    void refusesContentOverWeComsByteLimits() {
        // 683 CJK characters are 2,049 UTF-8 bytes: one over markdown's limit.
        ObjectNode markdown = JSON.createObjectNode().put("touser", "zhangsan").put("msgtype", "markdown")
                .put("agentid", 1000002);
        markdown.putObject("markdown").put("content", "报".repeat(683));
        ObjectNode textcard = JSON.createObjectNode().put("touser", "zhangsan").put("msgtype", "textcard")
                .put("agentid", 1000002);
        textcard.putObject("textcard").put("title", "报".repeat(43)).put("description", "d").put("url", "https://e.com");

        assertThat(AppMessageCheck.check(markdown, AGENT_ID)).map(WeComRefusal::errcode).contains(45002);
        assertThat(AppMessageCheck.check(textcard, AGENT_ID)).map(WeComRefusal::errcode).contains(45002);
        markdown.putObject("markdown").put("content", "报".repeat(682));
        assertThat(AppMessageCheck.check(markdown, AGENT_ID)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            markdown: its first line, marks removed | {"touser":"zhangsan","msgtype":"markdown","markdown":{"content":"**新线索：报价**\\n> 客户：wm1"}} | to=zhangsan msgtype=markdown "新线索：报价"
            textcard: its title                     | {"touser":"lisi","msgtype":"textcard","textcard":{"title":"新客户","description":"d"}}     | to=lisi msgtype=textcard "新客户"
            a department                            | {"toparty":"2","msgtype":"markdown","markdown":{"content":"# 样品需求"}}                     | to=party:2 msgtype=markdown "样品需求"
            """)
    void describesAnAlertInOneLine(String why, String body, String line) throws Exception {
        assertThat(AppMessageCheck.describe(JSON.readTree(body))).as(why).isEqualTo(line);
    }
}
