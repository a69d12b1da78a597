package io.leadlistener.wecom.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** WeCom's flat XML read into an ordered map of top-level element to text, refusing hostile input. */
class FlatXmlReaderTest {

    @Test
    void readsTopLevelElementsInDocumentOrder() {
        Map<String, String> fields = read("<xml><ToUserName>corp</ToUserName><MsgType>text</MsgType>"
                + "<Content>你好</Content><AgentID>1000002</AgentID></xml>");

        assertThat(fields).containsExactly(entry("ToUserName", "corp"), entry("MsgType", "text"),
                entry("Content", "你好"), entry("AgentID", "1000002"));
    }

    @ParameterizedTest(name = "{0} reads as ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "<![CDATA[a<b>&c]]>|a<b>&c",
            "&lt;&gt;&amp;&quot;&apos;|<>&\"'",
            "&#20013;&#x6587;|中文",
            "x<![CDATA[ y ]]>z|x y z",
            "'  padded\ttext  '|'  padded\ttext  '",
            "a<!-- comment -->b<?pi data?>c|abc",
    })
    void aLeafsValueIsItsTextAsWrittenWithCdataUnwrappedAndReferencesResolved(String content, String value) {
        assertThat(read("<xml><Content>" + content + "</Content></xml>")).containsExactly(entry("Content", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<xml><Content/></xml>", "<xml><Content></Content></xml>",
            "<xml><Content><![CDATA[]]></Content></xml>"})
    void anEmptyElementIsPresentWithAnEmptyValue(String xml) {
        assertThat(read(xml)).containsExactly(entry("Content", ""));
    }

    @Test
    void aNestedElementsValueIsItsLeavesTextInOrderWithoutTheIndentationOrTheirNames() {
        Map<String, String> fields = read("""
                <xml>
                  <Event>scancode_push</Event>
                  <ScanCodeInfo>
                    <ScanType><![CDATA[qrcode]]></ScanType>
                    <ScanResult>1</ScanResult>
                  </ScanCodeInfo>
                </xml>""");

        assertThat(fields).containsExactly(entry("Event", "scancode_push"), entry("ScanCodeInfo", "qrcode1"));
    }

    @Test
    void deeperNestingAndRepeatedNestedNamesAreFlattenedNotRefused() {
        Map<String, String> fields = read("<xml><SendPicsInfo><Count>2</Count><PicList>"
                + "<item><PicMd5Sum>aa</PicMd5Sum></item><item><PicMd5Sum>bb</PicMd5Sum></item>"
                + "</PicList></SendPicsInfo></xml>");

        assertThat(fields).containsExactly(entry("SendPicsInfo", "2aabb"));
    }

    @Test
    void aContainersOwnTextBesideItsChildrenIsDropped() {
        assertThat(read("<xml><Info>own<Leaf>kept</Leaf>text</Info></xml>")).containsExactly(entry("Info", "kept"));
    }

    @Test
    void aNestedElementNamedLikeATopLevelOneIsNotADuplicate() {
        assertThat(read("<xml><Encrypt>a</Encrypt><Wrapper><Encrypt>b</Encrypt></Wrapper></xml>"))
                .containsExactly(entry("Encrypt", "a"), entry("Wrapper", "b"));
    }

    @Test
    void prefixedNamesKeepTheirPrefixAndAttributesAreIgnored() {
        assertThat(read("<xml xmlns:a='urn:a'><a:Encrypt id='1'>x</a:Encrypt><Encrypt>y</Encrypt></xml>"))
                .containsExactly(entry("a:Encrypt", "x"), entry("Encrypt", "y"));
    }

    @Test
    void textDirectlyInsideTheRootIsIgnored() {
        assertThat(read("<xml>stray<Content>c</Content>more</xml>")).containsExactly(entry("Content", "c"));
    }

    @Test
    void anEmptyRootGivesNoFields() {
        assertThat(read("<xml/>")).isEmpty();
    }

    @Test
    void theFieldsCannotBeModified() {
        Map<String, String> fields = read("<xml><Content>c</Content></xml>");

        assertThatThrownBy(() -> fields.put("Encrypt", "forged")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsTheSameFromACharacterReader() {
        String xml = "<xml><Content><![CDATA[样品]]></Content><Nested><A>1</A></Nested></xml>";

        assertThat(FlatXmlReader.read(new StringReader(xml), "message", FlatXmlReader.Limits.MESSAGE))
                .isEqualTo(read(xml));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<xml><A>1</A><A>2</A></xml>|duplicate <A>",
            "<xml><A>1</A><B/><A/></xml>|duplicate <A>",
            "<root><A>1</A></root>|root element must be <xml>",
            "<Xml/>|root element must be <xml>",
            "<!DOCTYPE xml><xml/>|DOCTYPE is not allowed",
            "<!DOCTYPE xml [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><xml><A>&x;</A></xml>|DOCTYPE is not allowed",
            "<!DOCTYPE xml SYSTEM 'http://127.0.0.1:1/evil.dtd'><xml/>|DOCTYPE is not allowed",
    })
    void refusesWhatWeComDoesNotSendWithAPlainReason(String xml, String reason) {
        assertThatThrownBy(() -> read(xml)).isInstanceOf(MalformedCallbackXmlException.class).hasMessage(reason);
    }

    @Test
    void anInternalEntityCannotBeDeclaredSoNoExpansionBombReachesTheText() {
        String bomb = "<!DOCTYPE xml [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
                + "<xml><A>&b;</A></xml>";

        assertThatThrownBy(() -> read(bomb)).isInstanceOf(MalformedCallbackXmlException.class)
                .hasMessage("DOCTYPE is not allowed");
    }

    @Test
    void aReaderReusedAfterRefusalsStillRefusesADoctypeAndReadsTheNextDocumentWhole() {
        // One thread, one factory, one reader handed out again after each close (issue 24): nothing of a refused or
        // half-read document may leak into the next, and the hardening must hold for every reuse.
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> read("<xml><A>half")).isInstanceOf(MalformedCallbackXmlException.class);
            assertThatThrownBy(() -> read("<!DOCTYPE xml [<!ENTITY e 'x'>]><xml><A>&e;</A></xml>"))
                    .hasMessage("DOCTYPE is not allowed");
            assertThat(read("<xml><A>" + round + "</A><B><![CDATA[报价]]></B></xml>"))
                    .containsExactly(entry("A", Integer.toString(round)), entry("B", "报价"));
            assertThat(FlatXmlReader.read(new StringReader("<xml><C>c</C></xml>"), "body",
                    FlatXmlReader.Limits.ENVELOPE)).containsExactly(entry("C", "c"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<xml><A>1</A>", "<xml><A>&nbsp;</A></xml>", "<xml><A>1</B></xml>", ""})
    void notWellFormedInputIsRefusedNamingTheSubjectAndPosition(String xml) {
        assertThatThrownBy(() -> FlatXmlReader.read(new StringReader(xml), "decrypted message",
                FlatXmlReader.Limits.MESSAGE))
                .isInstanceOf(MalformedCallbackXmlException.class)
                .hasMessageStartingWith("decrypted message is not well-formed XML: ")
                .hasMessageContaining("(line 1, column ")
                .hasMessageNotContaining("ParseError at");
    }

    @Test
    void theEnvelopeIsFlatAndANestedElementIsRefusedAtOnce() {
        String nested = "<xml><ToUserName>wx</ToUserName><Encrypt><A>x</A></Encrypt></xml>";

        assertThatThrownBy(() -> FlatXmlReader.read(stream(nested), "body", FlatXmlReader.Limits.ENVELOPE))
                .isInstanceOf(MalformedCallbackXmlException.class)
                .hasMessage("body must be flat: <A> is nested inside <Encrypt>");
        assertThat(FlatXmlReader.read(stream("<xml><Encrypt>x</Encrypt></xml>"), "body",
                FlatXmlReader.Limits.ENVELOPE)).containsEntry("Encrypt", "x");
    }

    /**
     * The cost claim without a clock: a 64 KiB body nested thousands deep is refused after the parser has read only
     * its first buffer, so the rest is never parsed (counted in bytes handed to the parser, not in milliseconds).
     */
    @Test
    void aBodyNestedThousandsDeepIsRefusedAfterReadingItsFirstFewKilobytes() {
        StringBuilder deep = new StringBuilder("<xml>");
        while (deep.length() < 64 * 1024 - 16) {
            deep.append("<a>");
        }
        CountingStream envelope = new CountingStream(deep.toString());
        assertThatThrownBy(() -> FlatXmlReader.read(envelope, "body", FlatXmlReader.Limits.ENVELOPE))
                .hasMessage("body must be flat: <a> is nested inside <a>");
        assertThat(envelope.bytesRead).isLessThanOrEqualTo(16 * 1024);

        CountingStream message = new CountingStream(deep.toString());
        assertThatThrownBy(() -> FlatXmlReader.read(message, "message", FlatXmlReader.Limits.MESSAGE))
                .hasMessage("message nests elements deeper than 16 levels");
        assertThat(message.bytesRead).isLessThanOrEqualTo(16 * 1024);
    }

    @Test
    void eventsNestedAsWeComNestsThemStillRead() {
        String approval = "<xml><MsgType>event</MsgType><ApprovalInfo><SpNo>1</SpNo><SpRecord><Details>"
                + "<Approver><UserId>zhangsan</UserId></Approver></Details></SpRecord></ApprovalInfo></xml>";

        assertThat(FlatXmlReader.read(new StringReader(approval), "message", FlatXmlReader.Limits.MESSAGE))
                .containsEntry("ApprovalInfo", "1zhangsan");
    }

    @Test
    void tooMuchTextIsRefused() {
        String xml = "<xml><Content>" + "x".repeat(64 * 1024 + 1) + "</Content></xml>";

        assertThatThrownBy(() -> FlatXmlReader.read(new StringReader(xml), "message", FlatXmlReader.Limits.MESSAGE))
                .isInstanceOf(MalformedCallbackXmlException.class)
                .hasMessage("message has more than 65536 characters of text");
    }

    /** Counts the bytes the parser pulled. */
    private static final class CountingStream extends java.io.InputStream {
        private final java.io.ByteArrayInputStream bytes;
        int bytesRead;

        CountingStream(String xml) {
            bytes = new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() {
            int b = bytes.read();
            bytesRead += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = bytes.read(buffer, offset, length);
            bytesRead += Math.max(n, 0);
            return n;
        }
    }

    private static java.io.InputStream stream(String xml) {
        return new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads with the decrypted message's limits: most tests here are about the parser, not the envelope's shape. */
    private static Map<String, String> read(String xml) {
        return FlatXmlReader.read(stream(xml), "body", FlatXmlReader.Limits.MESSAGE);
    }
}
