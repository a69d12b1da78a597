package io.leadlistener.wecom.crypto;

import java.util.Objects;

/**
 * The two parts of a decrypted WeCom plaintext: the message (an XML document, or the bare echostr of a URL
 * verification) and the receiveid it was encrypted for (the CorpID for a corp app, the suite id for a
 * third-party app).
 */
public record DecryptedPayload(String message, String receiveId) {

    public DecryptedPayload {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receiveId, "receiveId");
    }

    /** Masks the message: it can carry customer PII. */
    @Override
    public String toString() {
        return "DecryptedPayload[message=<" + message.length() + " chars>, receiveId=" + receiveId + "]";
    }
}
