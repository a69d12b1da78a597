package io.leadlistener.wecom.xml;

import java.util.Map;
import java.util.Objects;

/**
 * Parses the outer XML of a WeCom POST callback. The caller caps the body (64 KiB); this class does the
 * rest of "parse before authenticating safely": see {@link FlatXmlReader} for the parser hardening.
 */
public final class CallbackEnvelopeParser {

    private CallbackEnvelopeParser() {
    }

    /**
     * @param body the raw request body; its encoding comes from the XML declaration (UTF-8 by default)
     * @throws MalformedCallbackXmlException if the body is not well-formed, has a DOCTYPE, a root other than
     *         {@code <xml>}, any nested element (the envelope is flat: refused at the first one, before the rest is
     *         read), or a missing, duplicated or empty {@code <Encrypt>}
     */
    public static CallbackEnvelope parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        Map<String, String> fields = FlatXmlReader.read(new java.io.ByteArrayInputStream(body), "body",
                FlatXmlReader.Limits.ENVELOPE);
        String encrypt = fields.get("Encrypt");
        if (encrypt == null) {
            throw new MalformedCallbackXmlException("missing <Encrypt>");
        }
        if (encrypt.isBlank()) {
            throw new MalformedCallbackXmlException("<Encrypt> is empty");
        }
        return new CallbackEnvelope(fields.get("ToUserName"), fields.get("AgentID"), encrypt);
    }
}
