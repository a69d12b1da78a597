package io.leadlistener.wecom.xml;

import java.io.StringReader;
import java.util.Objects;

/**
 * Parses the decrypted inner XML of a WeCom callback. It is authenticated by then, but gets the same
 * hardened parser as the envelope (see {@link FlatXmlReader}): the cost is nil and a compromised Token
 * should not also become a file-read primitive.
 */
public final class InboundMessageParser {

    private InboundMessageParser() {
    }

    /**
     * @throws MalformedCallbackXmlException if the XML is not well-formed, has a DOCTYPE, a root other than
     *         {@code <xml>}, a duplicated top-level element, elements nested deeper than 16 levels, more than 64 Ki
     *         characters of text, no {@code MsgType}, or a non-numeric {@code CreateTime}
     */
    public static InboundMessage parse(String xml) {
        Objects.requireNonNull(xml, "xml");
        return InboundMessage.fromFields(FlatXmlReader.read(new StringReader(xml), "message",
                FlatXmlReader.Limits.MESSAGE));
    }
}
