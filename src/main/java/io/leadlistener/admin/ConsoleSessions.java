package io.leadlistener.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Console session cookies: {@code base64url(token name) "." expiry epoch seconds "." base64url(HMAC-SHA256)}. The
 * cookie names the admin token that signed in (never the token itself); the CSRF token is a second HMAC over the
 * cookie value, so it is bound to the session and needs no server-side state.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "ll_console";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** A valid session: who signed in and the CSRF token bound to it. */
    public record Session(String tokenName, Instant expiresAt, String csrfToken) {
    }

    private final byte[] key;
    private final ConsoleConfig config;
    private final Clock clock;

    @jakarta.inject.Inject
    public ConsoleSessions(ConsoleConfig config) {
        this(config, Clock.systemUTC());
    }

    ConsoleSessions(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.key = config.sessionKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    /** @return the cookie value for a sign-in with the token of this name */
    public String issue(String tokenName) {
        long expiry = clock.instant().plus(config.sessionLifetime()).getEpochSecond();
        String payload = B64.encodeToString(tokenName.getBytes(StandardCharsets.UTF_8)) + "." + expiry;
        return payload + "." + B64.encodeToString(hmac("session|" + payload));
    }

    /**
     * Whether this key signed the cookie, expired or not: a browser left open sends its expired cookie again and
     * again, which is not guessing; an altered or forged cookie is.
     */
    public boolean signedHere(String cookieValue) {
        String[] parts = cookieValue == null ? new String[0] : cookieValue.split("\\.", -1);
        try {
            return parts.length == 3
                    && MessageDigest.isEqual(hmac("session|" + parts[0] + "." + parts[1]), B64D.decode(parts[2]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Optional<Session> verify(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        String[] parts = cookieValue.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String payload = parts[0] + "." + parts[1];
            if (!MessageDigest.isEqual(hmac("session|" + payload), B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            String name = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
            return Optional.of(new Session(name, expiresAt, B64.encodeToString(hmac("csrf|" + cookieValue))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    public long lifetimeSeconds() {
        return config.sessionLifetime().toSeconds();
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
