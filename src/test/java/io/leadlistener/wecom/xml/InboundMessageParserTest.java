package io.leadlistener.wecom.xml;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_PLAINTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundMessageParserTest {

    /** The official 微信客服 notification example. */
    static final String KF_NOTIFICATION = "<xml><ToUserName><![CDATA[ww12345678910]]></ToUserName>"
            + "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            + "<Event><![CDATA[kf_msg_or_event]]></Event>"
            + "<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>"
            + "<OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId></xml>";

    @Test
    void parsesTheV2TextMessage() {
        InboundMessage message = InboundMessageParser.parse(TEXT_PLAINTEXT);

        assertEquals("wx5823bf96d3bd56c7", message.toUserName());
        assertEquals("zhangsan", message.fromUserName());
        assertEquals(1_700_000_000L, message.createTime());
        assertEquals("text", message.msgType());
        assertEquals("能给个报价吗？", message.content());
        assertEquals("7300000000000000001", message.msgId());
        assertEquals("1000002", message.agentId());
        assertNull(message.event());
        assertNull(message.externalUserId());
        assertEquals(List.of("ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId", "AgentID"),
                List.copyOf(message.fields().keySet()));
    }

    @Test
    void parsesTheV2ExternalContactEvent() {
        InboundMessage message = InboundMessageParser.parse(CONTACT_PLAINTEXT);

        assertEquals("sys", message.fromUserName());
        assertEquals("event", message.msgType());
        assertEquals("change_external_contact", message.event());
        assertEquals("add_external_contact", message.changeType());
        assertEquals("zhangsan", message.userId());
        assertEquals("wmEAAAexample0001", message.externalUserId());
        assertEquals("expo2026", message.state());
        assertEquals("WELCOMECODE", message.welcomeCode());
        assertEquals(1_700_000_100L, message.createTime());
        assertNull(message.msgId());
        assertNull(message.content());
    }

    @Test
    void parsesAKfNotification() {
        InboundMessage message = InboundMessageParser.parse(KF_NOTIFICATION);

        assertEquals("kf_msg_or_event", message.event());
        assertEquals("ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", message.token());
        assertEquals("wkxxxxxxx", message.openKfId());
        assertNull(message.fromUserName());
    }

    @Test
    void keepsUnknownTopLevelElementsAndFlattensNestedOnesToTheirText() {
        InboundMessage message = InboundMessageParser.parse("""
                <xml><ToUserName>ww1</ToUserName><FromUserName>lisi</FromUserName><CreateTime>1700000000</CreateTime>
                <MsgType>event</MsgType><Event>scancode_push</Event><EventKey>k1</EventKey>
                <ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo></xml>""");

        assertEquals("k1", message.fields().get("EventKey"));
        assertEquals("qrcode1", message.fields().get("ScanCodeInfo"));
        assertFalse(message.fields().containsKey("ScanType"));
    }

    @Test
    void exposesAnUnmodifiableFieldMap() {
        Map<String, String> fields = InboundMessageParser.parse(TEXT_PLAINTEXT).fields();

        assertThrows(UnsupportedOperationException.class, () -> fields.put("Content", "changed"));
    }

    @Test
    void masksContentAndCredentialsInToString() {
        String text = InboundMessageParser.parse(TEXT_PLAINTEXT).toString();
        String contact = InboundMessageParser.parse(CONTACT_PLAINTEXT).toString();
        String kf = InboundMessageParser.parse(KF_NOTIFICATION).toString();

        assertFalse(text.contains("报价"), text);
        assertTrue(text.contains("content=<7 chars>"), text);
        assertTrue(text.contains("msgId=7300000000000000001"), text);
        assertFalse(contact.contains("WELCOMECODE"), contact);
        assertTrue(contact.contains("state=expo2026"), contact);
        assertFalse(kf.contains("ENCApHxn"), kf);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<xml><ToUserName>a</ToUserName></xml>|missing <MsgType>",
        "<xml><MsgType><![CDATA[]]></MsgType></xml>|<MsgType> is empty",
        "<xml><MsgType>text</MsgType><CreateTime>yesterday</CreateTime></xml>|<CreateTime> is not decimal epoch seconds",
        "<xml><MsgType>text</MsgType><CreateTime>-1</CreateTime></xml>|<CreateTime> is not decimal epoch seconds",
        "<xml><MsgType>text</MsgType><Content>a</Content><Content>b</Content></xml>|duplicate <Content>",
        "<msg><MsgType>text</MsgType></msg>|root element must be <xml>",
        "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><MsgType>&x;</MsgType></xml>|DOCTYPE is not allowed",
    })
    void refusesMessagesThatAreNotWhatWeComSends(String xml, String message) {
        MalformedCallbackXmlException e =
                assertThrows(MalformedCallbackXmlException.class, () -> InboundMessageParser.parse(xml));

        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesTruncatedMessagesAsNotWellFormed() {
        MalformedCallbackXmlException e = assertThrows(MalformedCallbackXmlException.class,
                () -> InboundMessageParser.parse(TEXT_PLAINTEXT.substring(0, 100)));

        assertTrue(e.getMessage().startsWith("message is not well-formed XML: "), e.getMessage());
        assertFalse(e.getMessage().contains("报价"));
    }

    @Test
    void toleratesAbsentOrBlankCreateTime() {
        assertNull(InboundMessageParser.parse("<xml><MsgType>text</MsgType></xml>").createTime());
        assertNull(InboundMessageParser.parse("<xml><MsgType>text</MsgType><CreateTime> </CreateTime></xml>")
                .createTime());
    }
}
