package io.leadlistener.wecom.xml;

import java.util.Objects;

/**
 * The unauthenticated outer XML of a WeCom POST callback: {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}.
 * {@code toUserName} and {@code agentId} are {@code null} when absent (customer-contact and 微信客服
 * callbacks carry no AgentID); nothing here is trustworthy until the signature over {@code encrypt} is checked.
 */
public record CallbackEnvelope(String toUserName, String agentId, String encrypt) {

    public CallbackEnvelope {
        Objects.requireNonNull(encrypt, "encrypt");
    }
}
