package io.leadlistener.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of console sessions, apart from where they are stored: a cookie is {@code base64url(random id)
 * "." base64url(HMAC-SHA256(key, id))}, so a forged or altered cookie is refused before any database look-up; the
 * CSRF token is a second HMAC over the id, bound to the session and stateless.
 */
final class SessionCookies {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 32;

    private final byte[] key;

    SessionCookies(byte[] key) {
        this.key = key.clone();
    }

    static byte[] newId() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return id;
    }

    String cookieFor(byte[] id) {
        return B64.encodeToString(id) + "." + B64.encodeToString(hmac("session|", id));
    }

    /** @return the session id of a cookie this key signed, or empty for anything else */
    Optional<byte[]> idOf(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        String[] parts = cookieValue.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] id = B64D.decode(parts[0]);
            if (id.length != ID_BYTES || !MessageDigest.isEqual(hmac("session|", id), B64D.decode(parts[1]))) {
                return Optional.empty();
            }
            return Optional.of(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String csrfTokenFor(byte[] id) {
        return B64.encodeToString(hmac("csrf|", id));
    }

    /** What the store keeps of a credential's token: keyed, so the stored value says nothing without the key. */
    byte[] tokenCheck(byte[] tokenDigest) {
        return hmac("token|", tokenDigest);
    }

    static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private byte[] hmac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
