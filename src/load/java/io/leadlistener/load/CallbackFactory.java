package io.leadlistener.load;

import io.leadlistener.wecom.crypto.CallbackSecret;
import io.leadlistener.wecom.crypto.CallbackSigner;
import io.leadlistener.wecom.crypto.SignedCallback;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * WeCom text callbacks for the demo tenant, encrypted and signed with the project's own crypto exactly as WeCom
 * does (see {@code SampleCallbackSender}). Every message has a fresh MsgId and nonce and carries a sales intent,
 * so every accepted callback must come out on Kafka as a {@code lead.intent-tagged.v1} naming that MsgId.
 */
final class CallbackFactory {

    static final String CORP_ID = "wx5823bf96d3bd56c7";
    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String AGENT_ID = "1000002";
    /** The demo tenant's callback URL. */
    static final String PATH = "/wecom/callback/demo";

    /** Buyer lines from the shipped dictionary's three intents; the harness checks each tags before loading. */
    static final List<String> TEXTS = List.of(
            "能给个报价吗？",
            "你好，这款多少钱？麻烦报个价",
            "批量采购的话价格怎么算",
            "可以先寄样品看看吗",
            "能不能发个样品过来测试一下",
            "我们想做你们的区域代理",
            "请问代理商怎么加盟",
            "给我一份报价单吧，要五百件");

    /** The usual spread: many leads, so the worker's per-contact order rarely serializes. */
    static final int MANY_CONTACTS = 5_000;

    /** Contacts cycle through this many users. */
    private final int contacts;

    private final CallbackSecret secret = CallbackSecret.of(TOKEN, AES_KEY);
    private final AtomicLong sequence;
    private final AtomicLong nonces = new AtomicLong(1_000_000_000L);

    CallbackFactory(int contacts) {
        this.contacts = contacts;
        // Distinct from any earlier run against the same database, like WeCom's 64-bit MsgIds.
        sequence = new AtomicLong(System.currentTimeMillis() * 1_000L);
    }

    /** A signed callback keyed by its MsgId: the query (msg_signature, timestamp, nonce) and the XML body. */
    PreparedRequest next() {
        long seq = sequence.incrementAndGet();
        String msgId = Long.toString(seq);
        String text = TEXTS.get((int) (seq % TEXTS.size())) + " #" + (seq % 100_000);
        String from = "load-user-" + (seq % contacts);
        long now = Instant.now().getEpochSecond();
        String plaintext = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA["
                + from + "]]></FromUserName><CreateTime>" + now
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
                + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>" + AGENT_ID + "</AgentID></xml>";
        SignedCallback signed = CallbackSigner.sign(secret, CORP_ID, plaintext, now,
                Long.toString(nonces.incrementAndGet()));
        String query = signed.queryParameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new PreparedRequest(msgId, PATH + "?" + query,
                signed.envelopeXml(AGENT_ID).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Signed in advance, so the sending thread only sends; the signature's timestamp stays well inside the
     * service's replay window (300 s) for any phase shorter than a few minutes.
     */
    PreparedRequest[] prepare(int count) {
        PreparedRequest[] callbacks = new PreparedRequest[count];
        for (int i = 0; i < count; i++) {
            callbacks[i] = next();
        }
        return callbacks;
    }
}
