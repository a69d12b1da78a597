package io.leadlistener.wecom.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * WeCom's {@code msg_signature}: {@code hex(SHA1(sort([token, timestamp, nonce, encrypt]).join("")))}.
 *
 * <p>See {@code shared/design/wecom-protocol.md}, "Crypto". The four strings are sorted by
 * {@link String#compareTo} (UTF-16 code units), which equals the byte order the official samples use for
 * the ASCII values WeCom sends. The signature authenticates the ciphertext only, so callers must check it
 * <em>before</em> decrypting: that keeps unauthenticated input away from the padding check.
 */
public final class CallbackSignature {

    private static final HexFormat HEX = HexFormat.of();

    private CallbackSignature() {
    }

    /** The lower-case hex signature WeCom would send for these values. */
    public static String compute(String token, String timestamp, String nonce, String encrypted) {
        String[] parts = {
            Objects.requireNonNull(token, "token"),
            Objects.requireNonNull(timestamp, "timestamp"),
            Objects.requireNonNull(nonce, "nonce"),
            Objects.requireNonNull(encrypted, "encrypted"),
        };
        Arrays.sort(parts);
        return HEX.formatHex(sha1().digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code candidateHex} is the signature of these values, compared in constant time
     * ({@link MessageDigest#isEqual}) so the comparison does not reveal how many leading characters match.
     * The candidate is compared case-insensitively: WeCom sends lower case, and upper-case hex denotes the
     * same digest. A {@code null} candidate never matches.
     */
    public static boolean matches(String candidateHex, String token, String timestamp, String nonce,
            String encrypted) {
        if (candidateHex == null) {
            return false;
        }
        byte[] expected = compute(token, timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        byte[] candidate = candidateHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, candidate);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }
}
