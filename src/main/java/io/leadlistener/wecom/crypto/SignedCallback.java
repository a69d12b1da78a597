package io.leadlistener.wecom.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A callback as WeCom would send it: the ciphertext, its signature, and the values that went into the
 * signature. Produced by {@link CallbackSigner} for tests and the sample sender.
 *
 * <p>For a URL verification, {@link #encrypt()} is the {@code echostr} query parameter; for a message it
 * goes into the XML body ({@link #envelopeXml()}) and the query carries {@link #queryParameters()}.
 */
public record SignedCallback(String toUserName, String encrypt, String msgSignature, long timestamp, String nonce) {

    public SignedCallback {
        Objects.requireNonNull(toUserName, "toUserName");
        Objects.requireNonNull(encrypt, "encrypt");
        Objects.requireNonNull(msgSignature, "msgSignature");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** {@code msg_signature}, {@code timestamp} and {@code nonce}, in that order, not URL-encoded. */
    public Map<String, String> queryParameters() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("msg_signature", msgSignature);
        query.put("timestamp", Long.toString(timestamp));
        query.put("nonce", nonce);
        return query;
    }

    /** The POST body without {@code AgentID} (customer-contact and 微信客服 callbacks carry none). */
    public String envelopeXml() {
        return envelopeXml(null);
    }

    /** The POST body in WeCom's layout; {@code agentId} is left out when {@code null}. */
    public String envelopeXml(String agentId) {
        StringBuilder xml = new StringBuilder("<xml>");
        element(xml, "ToUserName", toUserName);
        if (agentId != null) {
            element(xml, "AgentID", agentId);
        }
        element(xml, "Encrypt", encrypt);
        return xml.append("</xml>").toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        // "]]>" cannot appear inside a CDATA section; split it across two sections so any value round-trips.
        String cdata = value.replace("]]>", "]]]]><![CDATA[>");
        xml.append('<').append(name).append("><![CDATA[").append(cdata).append("]]></").append(name).append('>');
    }
}
