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

        assertThat(FlatXmlReader.read(new StringReader(xml), "message")).isEqualTo(read(xml));
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

    @ParameterizedTest
    @ValueSource(strings = {"<xml><A>1</A>", "<xml><A>&nbsp;</A></xml>", "<xml><A>1</B></xml>", ""})
    void notWellFormedInputIsRefusedNamingTheSubjectAndPosition(String xml) {
        assertThatThrownBy(() -> FlatXmlReader.read(new StringReader(xml), "decrypted message"))
                .isInstanceOf(MalformedCallbackXmlException.class)
                .hasMessageStartingWith("decrypted message is not well-formed XML: ")
                .hasMessageContaining("(line 1, column ")
                .hasMessageNotContaining("ParseError at");
    }

    private static Map<String, String> read(String xml) {
        return FlatXmlReader.read(xml.getBytes(StandardCharsets.UTF_8), "body");
    }
}
