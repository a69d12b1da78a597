package io.leadlistener.callback.sample;

import io.leadlistener.wecom.crypto.CallbackSecret;
import io.leadlistener.wecom.crypto.CallbackSigner;
import io.leadlistener.wecom.crypto.SignedCallback;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Plays WeCom against a running service: encrypts and signs a text message with the project's own crypto and
 * POSTs it, printing the HTTP status. Defaults target the dev profile's demo tenant (WeCom's published sample
 * credentials); every default can be overridden with a system property.
 *
 * <pre>./mvnw -q -Psend-sample -Dtext="能给个报价吗？"</pre>
 */
public final class SampleCallbackSender {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SampleCallbackSender() {
    }

    public static void main(String[] args) throws Exception {
        String text = args.length > 0 && !args[0].isBlank() ? String.join(" ", args)
                : System.getProperty("text", "能给个报价吗？");
        String url = System.getProperty("url", "http://localhost:8080/wecom/callback/demo");
        String token = System.getProperty("token", "QDG6eK");
        String aesKey = System.getProperty("aesKey", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");
        String corpId = System.getProperty("corpId", "wx5823bf96d3bd56c7");
        String from = System.getProperty("from", "zhangsan");
        String agentId = System.getProperty("agentId", "1000002");
        long now = Instant.now().getEpochSecond();
        String msgId = System.getProperty("msgId", Long.toString(now * 1_000_000L + RANDOM.nextInt(1_000_000)));

        String plaintext = textMessageXml(corpId, from, now, text, msgId, agentId);
        SignedCallback signed = CallbackSigner.sign(CallbackSecret.of(token, aesKey), corpId, plaintext, now,
                Long.toString(1_000_000_000L + RANDOM.nextInt(1_000_000_000)));
        String query = signed.queryParameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?" + query))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(signed.envelopeXml(agentId), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.println("POST " + url + " msgId=" + msgId + " -> " + response.statusCode()
                + (response.body().isEmpty() ? "" : " " + response.body()));
        if (response.statusCode() != 200) {
            System.exit(1);
        }
    }

    static String textMessageXml(String corpId, String from, long createTime, String content, String msgId,
                                 String agentId) {
        return "<xml><ToUserName>" + cdata(corpId) + "</ToUserName><FromUserName>" + cdata(from)
                + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + cdata(content) + "</Content><MsgId>" + msgId + "</MsgId><AgentID>" + agentId
                + "</AgentID></xml>";
    }

    private static String cdata(String value) {
        // "]]>" would end the section early; split it across two sections.
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
