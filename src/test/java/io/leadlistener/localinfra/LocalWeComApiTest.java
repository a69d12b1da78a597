package io.leadlistener.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fake over real HTTP, as the service's WeComApiClient calls it; the body checks are in AppMessageCheckTest. */
class LocalWeComApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoApp DEMO = new DemoApp(Optional.of("wx5823bf96d3bd56c7"),
            Optional.of("devAppSecret0123456789"), Optional.of("1000002"));
    private static final String ALERT = "{\"touser\":\"zhangsan\",\"msgtype\":\"markdown\",\"agentid\":1000002,"
            + "\"markdown\":{\"content\":\"**新线索：报价**\\n> 客户：wm1\"},\"enable_duplicate_check\":1}";

    private final HttpClient http = HttpClient.newHttpClient();
    private String baseUrl;

    @BeforeEach
    void start() {
        baseUrl = LocalWeComApi.startOrRestart(DEMO);
    }

    @AfterEach
    void stop() {
        LocalWeComApi.stop();
    }

    @Test
    void sendsAnAlertWithATokenOfTheDemoApp() throws Exception {
        JsonNode answer = send(token(), ALERT);

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("errmsg").asText()).isEqualTo("ok");
        assertThat(answer.path("invaliduser").asText()).isEmpty();
        assertThat(answer.path("invalidparty").asText()).isEmpty();
        assertThat(answer.path("msgid").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "corpid={0} corpsecret={1}")
    @CsvSource({
        "wwOTHERCORP000000, devAppSecret0123456789",
        "wx5823bf96d3bd56c7, someoneElsesSecret0123",
        "wx5823bf96d3bd56c7, ''"
    })
    void refusesATokenForOtherCredentials(String corpId, String secret) throws Exception {
        JsonNode answer = get("/cgi-bin/gettoken?corpid=" + corpId + "&corpsecret=" + secret);

        assertThat(answer.path("errcode").asInt()).isEqualTo(40001);
        assertThat(answer.has("access_token")).isFalse();
    }

    @Test
    void refusesAMessageWithoutAValidToken() throws Exception {
        assertThat(send("made-up", ALERT).path("errcode").asInt()).isEqualTo(40014);
        assertThat(post("/cgi-bin/message/send", ALERT).path("errcode").asInt()).isEqualTo(41001);
    }

    @Test
    void refusesABadBodyWithWeComsErrcode() throws Exception {
        assertThat(send(token(), "not json").path("errcode").asInt()).isEqualTo(47001);
        assertThat(send(token(), ALERT.replace("1000002", "1000003")).path("errcode").asInt()).isEqualTo(40056);
    }

    @Test
    void restartKeepsThePortAndForgetsTheTokens() throws Exception {
        String token = token();

        assertThat(LocalWeComApi.startOrRestart(DEMO)).isEqualTo(baseUrl);
        assertThat(send(token, ALERT).path("errcode").asInt()).as("a token of the previous run").isEqualTo(40014);
        assertThat(send(token(), ALERT).path("errcode").asInt()).isZero();
    }

    @Test
    void stopFreesThePort() {
        LocalWeComApi.stop();

        assertThatThrownBy(() -> get("/cgi-bin/gettoken?corpid=wx5823bf96d3bd56c7&corpsecret=devAppSecret0123456789"))
                .isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("local-wecom-api"));
    }

    private String token() throws IOException, InterruptedException {
        JsonNode answer = get("/cgi-bin/gettoken?corpid=wx5823bf96d3bd56c7&corpsecret=devAppSecret0123456789");
        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("expires_in").asInt()).isEqualTo(7200);
        return answer.path("access_token").asText();
    }

    private JsonNode send(String token, String body) throws IOException, InterruptedException {
        return post("/cgi-bin/message/send?access_token=" + token, body);
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    private JsonNode post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("WeCom answers errors with HTTP 200 and an errcode").isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
