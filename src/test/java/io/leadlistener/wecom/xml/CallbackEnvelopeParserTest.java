package io.leadlistener.wecom.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadlistener.wecom.crypto.CallbackSigner;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.leadlistener.wecom.crypto.WeComTestVectors;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackEnvelopeParserTest {

    @Test
    void readsTheEnvelopeOurSignerWrites() {
        SignedCallback signed = CallbackSigner.sign(WeComTestVectors.secret(), WeComTestVectors.CORP_ID,
                WeComTestVectors.TEXT_PLAINTEXT, 1_700_000_000L, "1");

        CallbackEnvelope envelope = parse(signed.envelopeXml("1000002"));

        assertEquals(new CallbackEnvelope(WeComTestVectors.CORP_ID, "1000002", signed.encrypt()), envelope);
    }

    @Test
    void readsWeComsDocumentedLayoutWithWhitespaceBetweenElements() {
        CallbackEnvelope envelope = parse("""
                <xml>
                   <ToUserName><![CDATA[toUser]]></ToUserName>
                   <AgentID><![CDATA[toAgentID]]></AgentID>
                   <Encrypt><![CDATA[msg_encrypt]]></Encrypt>
                </xml>
                """);

        assertEquals(new CallbackEnvelope("toUser", "toAgentID", "msg_encrypt"), envelope);
    }

    @Test
    void leavesAbsentOptionalElementsNull() {
        assertEquals(new CallbackEnvelope(null, null, "abc"), parse("<xml><Encrypt>abc</Encrypt></xml>"));
    }

    @Test
    void honoursTheDeclaredEncoding() {
        byte[] gbk = "<?xml version=\"1.0\" encoding=\"GBK\"?><xml><ToUserName>企业</ToUserName><Encrypt>e</Encrypt></xml>"
                .getBytes(Charset.forName("GBK"));

        assertEquals("企业", CallbackEnvelopeParser.parse(gbk).toUserName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // XXE: an external entity reading a local file
        "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>",
        // Billion laughs
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<xml><Encrypt>&lol3;</Encrypt></xml>",
        // External DTD fetch (SSRF) without any entity use
        "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><Encrypt>abc</Encrypt></xml>",
        // Parameter entities
        "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]><xml><Encrypt>abc</Encrypt></xml>",
        // A harmless-looking DOCTYPE is refused too
        "<!DOCTYPE xml><xml><Encrypt>abc</Encrypt></xml>",
    })
    void refusesAnyDoctype(String body) {
        assertMalformed(body, "DOCTYPE is not allowed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<html><Encrypt>abc</Encrypt></html>|root element must be <xml>",
        "<XML><Encrypt>abc</Encrypt></XML>|root element must be <xml>",
        "<x:xml xmlns:x='urn:x'><Encrypt>abc</Encrypt></x:xml>|root element must be <xml>",
        "<xml><ToUserName>a</ToUserName></xml>|missing <Encrypt>",
        "<xml/>|missing <Encrypt>",
        "<xml><Wrapper><Encrypt>abc</Encrypt></Wrapper></xml>|body must be flat: <Encrypt> is nested inside <Wrapper>",
        "<xml xmlns:a='urn:a'><a:Encrypt>abc</a:Encrypt></xml>|missing <Encrypt>",
        "<xml><Encrypt></Encrypt></xml>|<Encrypt> is empty",
        "<xml><Encrypt/></xml>|<Encrypt> is empty",
        "<xml><Encrypt><![CDATA[]]></Encrypt></xml>|<Encrypt> is empty",
        "<xml><Encrypt>  </Encrypt></xml>|<Encrypt> is empty",
        "<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>|duplicate <Encrypt>",
    })
    void refusesEnvelopesWithoutExactlyOneUsableEncrypt(String body, String message) {
        assertMalformed(body, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not xml at all|Content is not allowed in prolog.",
        "{\"Encrypt\":\"abc\"}|Content is not allowed in prolog.",
        "<xml><Encrypt>abc</Encrypt>|XML document structures must start and end within the same entity.",
        "<xml><Encrypt>abc</Encr|The element type \"Encrypt\" must be terminated by the matching end-tag \"</Encrypt>\".",
        "<xml><Encrypt>abc</Encrypt></xml><xml/>|The markup in the document following the root element must be well-formed.",
        "<xml><Encrypt>abc</Encrypt></xml>trailing|Content is not allowed in trailing section.",
        "<xml><Encrypt>&undefined;</Encrypt></xml>|The entity \"undefined\" was referenced, but not declared.",
    })
    void refusesBodiesThatAreNotWellFormedXml(String body, String reason) {
        MalformedCallbackXmlException e = assertThrows(MalformedCallbackXmlException.class, () -> parse(body));

        assertTrue(e.getMessage().startsWith("body is not well-formed XML: " + reason + " (line 1, column "),
                e.getMessage());
    }

    @Test
    void refusesAnEmptyBody() {
        MalformedCallbackXmlException e =
                assertThrows(MalformedCallbackXmlException.class, () -> CallbackEnvelopeParser.parse(new byte[0]));

        assertTrue(e.getMessage().startsWith("body is not well-formed XML: Premature end of file."), e.getMessage());
    }

    @Test
    void refusesBytesThatAreNotInTheDeclaredEncoding() {
        byte[] body = {'<', 'x', 'm', 'l', '>', '<', 'E', 'n', 'c', 'r', 'y', 'p', 't', '>', (byte) 0xff, (byte) 0xfe,
            '<', '/', 'E', 'n', 'c', 'r', 'y', 'p', 't', '>', '<', '/', 'x', 'm', 'l', '>'};

        MalformedCallbackXmlException e =
                assertThrows(MalformedCallbackXmlException.class, () -> CallbackEnvelopeParser.parse(body));

        assertTrue(e.getMessage().startsWith("body is not well-formed XML: "), e.getMessage());
    }

    @Test
    void keepsEscapedCharactersAndCdataAsText() {
        assertEquals("a&b<c]]>d", parse("<xml><Encrypt>a&amp;b&lt;<![CDATA[c]]>]]&gt;d</Encrypt></xml>").encrypt());
    }

    @Test
    void ignoresCommentsAndProcessingInstructions() {
        assertEquals("abc", parse("<?xml version=\"1.0\"?><!-- hi --><xml><?pi x?><Encrypt>a<!-- x -->bc</Encrypt></xml>")
                .encrypt());
    }

    private static CallbackEnvelope parse(String body) {
        return CallbackEnvelopeParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(String body, String message) {
        MalformedCallbackXmlException e = assertThrows(MalformedCallbackXmlException.class, () -> parse(body));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("passwd"));
    }
}
