package io.leadlistener.wecom.xml;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CORP_ID;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_PLAINTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundMessageKeysTest {

    private static final String ENTER_AGENT = "<xml><ToUserName>ww1</ToUserName><FromUserName>lisi</FromUserName>"
            + "<CreateTime>1700000000</CreateTime><MsgType>event</MsgType><Event>enter_agent</Event>"
            + "<EventKey></EventKey><AgentID>1000002</AgentID></xml>";

    @Test
    void keysAMessageByItsMsgId() {
        InboundMessage message = InboundMessageParser.parse(TEXT_PLAINTEXT);

        assertEquals("msg|7300000000000000001", message.dedupeKey(CORP_ID));
        assertEquals("user:zhangsan", message.contactKey());
    }

    @Test
    void keysAnExternalContactEventByItsIdentifyingFields() {
        InboundMessage message = InboundMessageParser.parse(CONTACT_PLAINTEXT);

        assertEquals(CORP_ID + "|change_external_contact|add_external_contact|zhangsan|wmEAAAexample0001|1700000100",
                message.dedupeKey(CORP_ID));
        assertEquals("external:wmEAAAexample0001", message.contactKey());
    }

    @Test
    void keysAKfNotificationByItsToken() {
        InboundMessage message = InboundMessageParser.parse(InboundMessageParserTest.KF_NOTIFICATION);

        assertEquals(CORP_ID + "|kf_msg_or_event|wkxxxxxxx|ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR",
                message.dedupeKey(CORP_ID));
        assertEquals("kf:wkxxxxxxx", message.contactKey());
    }

    @Test
    void keysOtherEventsByTheirReadableFieldsAndADigestOfAllFields() {
        InboundMessage message = InboundMessageParser.parse(ENTER_AGENT);

        String key = message.dedupeKey(CORP_ID);

        assertTrue(key.matches(CORP_ID + "\\|event\\|enter_agent\\|lisi\\|1700000000\\|sha256:[0-9a-f]{64}"), key);
        assertEquals(key, InboundMessageParser.parse(ENTER_AGENT).dedupeKey(CORP_ID), "a retry has the same key");
        assertEquals("user:lisi", message.contactKey());
    }

    @Test
    void distinguishesOtherEventsThatDifferOnlyInANestedField() {
        String template = "<xml><FromUserName>sys</FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType>event</MsgType><Event>batch_job_result</Event>"
                + "<BatchJob><JobId>%s</JobId><JobType>sync_user</JobType></BatchJob></xml>";

        assertNotEquals(InboundMessageParser.parse(template.formatted("job1")).dedupeKey(CORP_ID),
                InboundMessageParser.parse(template.formatted("job2")).dedupeKey(CORP_ID));
    }

    @Test
    void ignoresIndentationBetweenElementsAtAnyDepth() {
        String compact = "<xml><FromUserName>sys</FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType>event</MsgType><Event>batch_job_result</Event>"
                + "<BatchJob><JobId>job1</JobId><JobType>sync_user</JobType></BatchJob></xml>";
        String indented = """
                <xml>
                  <FromUserName>sys</FromUserName>
                  <CreateTime>1700000000</CreateTime>
                  <MsgType>event</MsgType>
                  <Event>batch_job_result</Event>
                  <BatchJob>
                    <JobId>job1</JobId>
                    <JobType>sync_user</JobType>
                  </BatchJob>
                </xml>
                """;

        assertEquals(InboundMessageParser.parse(compact).dedupeKey(CORP_ID),
                InboundMessageParser.parse(indented).dedupeKey(CORP_ID));
    }

    @Test
    void escapesTheSeparatorSoFieldsCannotCollide() {
        InboundMessage pipeInUser = contactEvent("a|b", "c");
        InboundMessage pipeInCustomer = contactEvent("a", "b|c");

        assertEquals(CORP_ID + "|change_external_contact|add_external_contact|a%7Cb|c|1700000100",
                pipeInUser.dedupeKey(CORP_ID));
        assertNotEquals(pipeInUser.dedupeKey(CORP_ID), pipeInCustomer.dedupeKey(CORP_ID));
        assertEquals("msg|100%25%7C1", InboundMessageParser.parse(
                "<xml><MsgType>text</MsgType><MsgId>100%|1</MsgId></xml>").dedupeKey(CORP_ID));
    }

    @Test
    void fallsBackToTheSenderWhenAContactEventNamesNoCustomer() {
        InboundMessage message = InboundMessageParser.parse(CONTACT_PLAINTEXT.replaceAll(
                "<ExternalUserID>.*</ExternalUserID>", ""));

        assertEquals("user:sys", message.contactKey());
    }

    @Test
    void requiresTheCorpId() {
        InboundMessage message = InboundMessageParser.parse(TEXT_PLAINTEXT);

        assertThrows(IllegalArgumentException.class, () -> message.dedupeKey(" "));
    }

    private static InboundMessage contactEvent(String userId, String externalUserId) {
        return InboundMessageParser.parse("<xml><FromUserName>sys</FromUserName><CreateTime>1700000100</CreateTime>"
                + "<MsgType>event</MsgType><Event>change_external_contact</Event>"
                + "<ChangeType>add_external_contact</ChangeType><UserID><![CDATA[" + userId + "]]></UserID>"
                + "<ExternalUserID><![CDATA[" + externalUserId + "]]></ExternalUserID></xml>");
    }
}
