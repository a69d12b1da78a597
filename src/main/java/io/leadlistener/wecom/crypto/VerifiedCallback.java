package io.leadlistener.wecom.crypto;

import java.util.Objects;

/**
 * The plaintext of an accepted callback and which configured secret signed it: index 0 is the current
 * secret, higher indexes are older ones still accepted during a rotation (worth a log line, so operators
 * can see when the old secret is no longer used and remove it).
 */
public record VerifiedCallback(String message, int secretIndex) {

    public VerifiedCallback {
        Objects.requireNonNull(message, "message");
    }

    /** Masks the message: it can carry customer PII. */
    @Override
    public String toString() {
        return "VerifiedCallback[message=<" + message.length() + " chars>, secretIndex=" + secretIndex + "]";
    }
}
