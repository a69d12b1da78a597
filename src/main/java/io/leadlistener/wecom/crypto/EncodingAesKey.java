package io.leadlistener.wecom.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The 43-character EncodingAESKey an administrator configures for a WeCom callback URL, decoded to the
 * 32-byte AES-256 key it stands for.
 *
 * <p>Protocol (see {@code shared/design/wecom-protocol.md}, "Crypto", and the official "加解密方案说明"):
 * {@code key = Base64.decode(EncodingAESKey + "=")}, and the CBC IV is {@code key[0..16)}.
 *
 * <p>The key is a secret: no message of this class contains it, and {@link #toString()} is masked.
 * The decoder accepts non-zero trailing bits in the 43rd character, as WeCom's own keys have them
 * (the official example key ends in {@code C}); two spellings of the same bytes are equal keys.
 */
public final class EncodingAesKey {

    /** Length of an EncodingAESKey as WeCom issues it: 32 bytes in unpadded Base64. */
    public static final int LENGTH = 43;

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    private final byte[] key;

    private EncodingAesKey(byte[] key) {
        this.key = key;
    }

    /**
     * Validates and decodes an EncodingAESKey.
     *
     * @throws IllegalArgumentException with a message that names the problem but never the key
     */
    public static EncodingAesKey parse(String encodingAesKey) {
        if (encodingAesKey == null) {
            throw new IllegalArgumentException("EncodingAESKey is missing");
        }
        if (encodingAesKey.length() != LENGTH) {
            String hint = encodingAesKey.strip().length() == LENGTH ? " (it has surrounding whitespace)" : "";
            throw new IllegalArgumentException(
                    "EncodingAESKey must be " + LENGTH + " characters, got " + encodingAesKey.length() + hint);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            // The JDK message quotes the offending character; do not propagate it (or the cause).
            throw new IllegalArgumentException("EncodingAESKey is not valid Base64");
        }
        if (decoded.length != KEY_BYTES) {
            // Happens when the 43rd character is '=': the appended '=' then makes "==", i.e. 31 bytes.
            throw new IllegalArgumentException(
                    "EncodingAESKey must decode to " + KEY_BYTES + " bytes, got " + decoded.length);
        }
        return new EncodingAesKey(decoded);
    }

    /** A fresh random key, for tests and for the sample sender; WeCom's console generates its own. */
    public static EncodingAesKey generate(SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return new EncodingAesKey(bytes);
    }

    /** The 43-character form, as it would be pasted into the WeCom console. Treat the result as a secret. */
    public String encoded() {
        return Base64.getEncoder().withoutPadding().encodeToString(key);
    }

    /** A copy of the 32-byte AES key. */
    public byte[] aesKey() {
        return key.clone();
    }

    /** A copy of the 16-byte CBC initialisation vector, which WeCom fixes to the first half of the key. */
    public byte[] iv() {
        return Arrays.copyOf(key, IV_BYTES);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodingAesKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        // Deliberately constant: a hash of key material is a small leak for no practical gain.
        return EncodingAesKey.class.hashCode();
    }

    @Override
    public String toString() {
        return "EncodingAesKey[****]";
    }
}
