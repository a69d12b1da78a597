package io.leadlistener.wecom.crypto;

import java.util.Objects;

/**
 * A ciphertext that authenticated (its signature matched) but does not decrypt to a well-formed WeCom
 * plaintext.
 *
 * <p>Checked on purpose: every one of these is an expected property of untrusted input, not a programming
 * error, and the compiler then makes sure each caller of {@link WeComCipher#decrypt} decides what to answer
 * (in this service only {@link CallbackVerifier}, which turns it into a {@link CallbackRejectedException}).
 *
 * <p>Messages describe the structure that is wrong (lengths, the pad byte) and never any decrypted content.
 */
public final class CallbackCryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the ciphertext. */
    public enum Reason {
        /** The {@code Encrypt}/{@code echostr} value is not standard Base64. */
        INVALID_BASE64,
        /** The decoded ciphertext is empty or not a multiple of the 32-byte padding block. */
        INVALID_CIPHERTEXT_LENGTH,
        /** The last byte is not a PKCS#7 pad length 1..32, or the pad bytes differ (wrong key, corrupted data). */
        BAD_PADDING,
        /** The plaintext is shorter than its fixed header, or its {@code msg_len} points outside it. */
        LENGTH_OUT_OF_RANGE,
        /** The message or receiveid is not valid UTF-8. */
        INVALID_UTF8,
    }

    private final Reason reason;

    public CallbackCryptoException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
