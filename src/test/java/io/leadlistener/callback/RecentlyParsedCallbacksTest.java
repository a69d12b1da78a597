package io.leadlistener.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.wecom.xml.InboundMessage;
import io.leadlistener.wecom.xml.InboundMessageParser;
import org.junit.jupiter.api.Test;

class RecentlyParsedCallbacksTest {

    private final RecentlyParsedCallbacks recentlyParsed = new RecentlyParsedCallbacks();

    private static String text(String content, long msgId) {
        return "<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + content + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>1</AgentID></xml>";
    }

    @Test
    void theWorkerGetsTheMessageTheCallbackParsedOnceAndParsesItselfAfterThat() {
        String payload = text("报价多少", 1);
        InboundMessage parsedByCallback = InboundMessageParser.parse(payload);
        recentlyParsed.remember("demo", "msg:1", payload, parsedByCallback);

        assertThat(recentlyParsed.parse("demo", "msg:1", payload)).isSameAs(parsedByCallback);
        InboundMessage again = recentlyParsed.parse("demo", "msg:1", payload);
        assertThat(again).isNotSameAs(parsedByCallback).isEqualTo(parsedByCallback);
    }

    @Test
    void aRememberedMessageIsOnlyUsedForThePayloadItWasParsedFrom() {
        String remembered = text("报价多少", 1);
        recentlyParsed.remember("demo", "msg:1", remembered, InboundMessageParser.parse(remembered));

        String stored = text("能寄样品吗", 1);
        assertThat(recentlyParsed.parse("demo", "msg:1", stored).content()).isEqualTo("能寄样品吗");
        assertThat(recentlyParsed.parse("other-tenant", "msg:1", remembered).content()).isEqualTo("报价多少");
    }

    @Test
    void theOldestAreForgottenBeyondCapacity() {
        InboundMessage first = null;
        for (int i = 0; i <= RecentlyParsedCallbacks.CAPACITY; i++) {
            String payload = text("第" + i + "条", i);
            InboundMessage message = InboundMessageParser.parse(payload);
            first = i == 0 ? message : first;
            recentlyParsed.remember("demo", "msg:" + i, payload, message);
        }

        assertThat(recentlyParsed.parse("demo", "msg:0", text("第0条", 0))).isNotSameAs(first).isEqualTo(first);
        String newest = text("第" + RecentlyParsedCallbacks.CAPACITY + "条", RecentlyParsedCallbacks.CAPACITY);
        assertThat(recentlyParsed.parse("demo", "msg:" + RecentlyParsedCallbacks.CAPACITY, newest).content())
                .isEqualTo("第" + RecentlyParsedCallbacks.CAPACITY + "条");
    }
}
