package io.leadlistener.wecom.crypto;

import java.util.Objects;

/**
 * The sending side of the protocol, which WeCom plays in production: encrypts a plaintext for a receiveid
 * and signs it. Used by tests and by the sample sender; the service itself only verifies.
 */
public final class CallbackSigner {

    private CallbackSigner() {
    }

    /** Encrypts with fresh random bytes and signs. */
    public static SignedCallback sign(CallbackSecret secret, String receiveId, String plaintext, long timestamp,
            String nonce) {
        Objects.requireNonNull(secret, "secret");
        return signed(secret, receiveId, new WeComCipher(secret.key()).encrypt(plaintext, receiveId), timestamp,
                nonce);
    }

    /** Deterministic variant with the 16 leading plaintext bytes given, for test vectors. */
    public static SignedCallback sign(CallbackSecret secret, String receiveId, String plaintext, long timestamp,
            String nonce, byte[] random16) {
        Objects.requireNonNull(secret, "secret");
        return signed(secret, receiveId, new WeComCipher(secret.key()).encrypt(plaintext, receiveId, random16),
                timestamp, nonce);
    }

    private static SignedCallback signed(CallbackSecret secret, String receiveId, String encrypt, long timestamp,
            String nonce) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative, got " + timestamp);
        }
        String signature = CallbackSignature.compute(secret.token(), Long.toString(timestamp), nonce, encrypt);
        return new SignedCallback(receiveId, encrypt, signature, timestamp, nonce);
    }
}
