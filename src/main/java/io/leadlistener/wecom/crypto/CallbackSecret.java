package io.leadlistener.wecom.crypto;

import java.util.Objects;

/**
 * The Token and EncodingAESKey configured for one WeCom callback URL.
 *
 * <p>Both are secrets: {@link #toString()} masks them and no exception message repeats them. WeCom allows
 * a Token of at most 32 letters and digits; only the length is checked here so that a wrong value fails
 * at start-up with a clear message instead of as a stream of signature mismatches.
 */
public record CallbackSecret(String token, EncodingAesKey key) {

    /** WeCom's console limit for a callback Token. */
    public static final int MAX_TOKEN_LENGTH = 32;

    public CallbackSecret {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("callback Token is missing");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                    "callback Token must be at most " + MAX_TOKEN_LENGTH + " characters, got " + token.length());
        }
        Objects.requireNonNull(key, "EncodingAesKey must not be null");
    }

    /** Convenience for configuration: the Token and the 43-character EncodingAESKey as configured. */
    public static CallbackSecret of(String token, String encodingAesKey) {
        return new CallbackSecret(token, EncodingAesKey.parse(encodingAesKey));
    }

    @Override
    public String toString() {
        return "CallbackSecret[token=****, key=****]";
    }
}
