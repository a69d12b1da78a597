package io.leadlistener.wecom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.testsupport.FakeWeComApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code message/send} against the fake WeCom API (a real HTTP server): body as given, receipt, errcodes. */
class AppMessageSendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeWeComApi wecom;
    private WeComApiClient api;
    private String token;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeComApi();
        api = new WeComApiClient(JSON);
        token = api.getToken(wecom.baseUrl(), FakeWeComApi.CORP_ID, FakeWeComApi.APP_SECRET).token();
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    @Test
    void theMessageArrivesExactlyAsBuiltAndTheReceiptNamesItsId() {
        ObjectNode message = alert("zhangsan");

        WeComApiClient.AppMessageReceipt receipt = api.sendAppMessage(wecom.baseUrl(), token, message);

        assertThat(receipt.msgId()).isEqualTo("msg-1");
        assertThat(receipt.invalidUsers()).isEmpty();
        assertThat(wecom.appMessages()).singleElement().satisfies(received -> {
            assertThat(received.accessToken()).isEqualTo(token);
            assertThat(received.body()).isEqualTo(message);
        });
    }

    @Test
    void recipientsWeComCouldNotReachComeBackPerRecipient() {
        wecom.invalidUsers("lisi|wangwu");

        assertThat(api.sendAppMessage(wecom.baseUrl(), token, alert("zhangsan|lisi|wangwu")).invalidUsers())
                .containsExactly("lisi", "wangwu");
    }

    @Test
    void anErrcodeIsAnExceptionCarryingItAndARejectedTokenIsRecognised() {
        wecom.answerNextAppMessages(60011);
        assertThatThrownBy(() -> api.sendAppMessage(wecom.baseUrl(), token, alert("zhangsan")))
                .isInstanceOfSatisfying(WeComApiException.class, e -> {
                    assertThat(e.errcode()).isEqualTo(60011);
                    assertThat(WeComErrcodes.of(e.errcode())).isEqualTo(WeComErrcodes.Handling.PARK);
                })
                .hasMessageNotContaining(token);

        wecom.expireAllTokens();
        assertThatThrownBy(() -> api.sendAppMessage(wecom.baseUrl(), token, alert("zhangsan")))
                .isInstanceOfSatisfying(WeComApiException.class,
                        e -> assertThat(e.isAccessTokenRejected()).isTrue());
    }

    private static ObjectNode alert(String toUser) {
        ObjectNode message = JSON.createObjectNode();
        message.put("touser", toUser).put("msgtype", "textcard").put("agentid", 1000002);
        message.putObject("textcard").put("title", "新线索：报价").put("description", "客户 wmC1 问：报价多少？")
                .put("url", "https://console.example.com/m/1").put("btntxt", "查看");
        message.put("enable_duplicate_check", 1).put("duplicate_check_interval", 1800);
        return message;
    }
}
