package io.leadlistener.testsupport;

import io.leadlistener.wecom.crypto.CallbackSecret;
import io.leadlistener.wecom.crypto.CallbackSigner;
import io.leadlistener.wecom.crypto.SignedCallback;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Plays WeCom in tests: builds inner messages and signs them with the current time, as WeCom does. */
public final class WeComSimulator {

    public static final String DEMO_CORP_ID = "wx5823bf96d3bd56c7";
    public static final CallbackSecret DEMO_SECRET =
            CallbackSecret.of("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");
    public static final CallbackSecret CONTACTS_SECRET =
            CallbackSecret.of("ContactsTok3n", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final AtomicLong NONCES = new AtomicLong(100_000_000L);

    private WeComSimulator() {
    }

    public static String nextMsgId() {
        return Long.toString(MSG_IDS.incrementAndGet());
    }

    public static String textMessage(String from, String content, String msgId) {
        return "<xml><ToUserName><![CDATA[" + DEMO_CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + from
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>1000002</AgentID></xml>";
    }

    public static String addExternalContactEvent(String userId, String externalUserId, String state, long createTime) {
        return contactEvent("add_external_contact", userId, externalUserId, state, createTime);
    }

    /** A 客户联系 change event; {@code state} null leaves the element out (as WeCom does for edits and deletions). */
    public static String contactEvent(String changeType, String userId, String externalUserId, String state,
                                      long createTime) {
        return "<xml><ToUserName><![CDATA[" + DEMO_CORP_ID + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
                + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[" + changeType + "]]>"
                + "</ChangeType><UserID><![CDATA[" + userId + "]]></UserID><ExternalUserID><![CDATA["
                + externalUserId + "]]></ExternalUserID>"
                + (state == null ? "" : "<State><![CDATA[" + state + "]]></State>") + "</xml>";
    }

    /** A 微信客服 {@code kf_msg_or_event} notification: no message, only the Token to pull them with. */
    public static String kfNotification(String openKfId, String token, long createTime) {
        return "<xml><ToUserName><![CDATA[" + DEMO_CORP_ID + "]]></ToUserName><CreateTime>" + createTime
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
                + "<Token><![CDATA[" + token + "]]></Token><OpenKfId><![CDATA[" + openKfId + "]]></OpenKfId></xml>";
    }

    /** Encrypts and signs now, for the demo corp with the demo app secret. */
    public static SignedCallback sign(String plaintext) {
        return sign(DEMO_SECRET, DEMO_CORP_ID, plaintext, Instant.now().getEpochSecond());
    }

    public static SignedCallback sign(CallbackSecret secret, String receiveId, String plaintext, long timestamp) {
        return CallbackSigner.sign(secret, receiveId, plaintext, timestamp, Long.toString(NONCES.incrementAndGet()));
    }

    /**
     * POSTs {@code plaintext} to the demo tenant's app callback of the service at {@code baseUri}, signed now: like
     * WeCom, every delivery of a message (a retry too) is a new request with a new timestamp, nonce and ciphertext.
     * For packaged applications that the test reaches over the network rather than through RestAssured's defaults.
     *
     * @return the HTTP status; an exception when the service cannot be reached (WeCom would retry)
     */
    public static int deliver(HttpClient client, URI baseUri, String plaintext) throws IOException, InterruptedException {
        SignedCallback signed = sign(plaintext);
        String query = signed.queryParameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/wecom/callback/demo?" + query))
                // WeCom gives up on a callback after 5 s and retries it.
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(signed.envelopeXml("1000002"), StandardCharsets.UTF_8))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
