package io.leadlistener.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Bearer tokens by name, compared in constant time (SHA-256 digests of equal length, every one compared) so response
 * timing reveals nothing about them. Only digests are kept; the name is what logs and audit rows show.
 */
public final class NamedTokens {

    private final Map<String, byte[]> digestsByName;

    public NamedTokens(Map<String, String> tokensByName) {
        this.digestsByName = tokensByName.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> digest(entry.getValue())));
    }

    /** @return the name of the token presented, if it is one of these */
    public Optional<String> nameOf(String presentedToken) {
        byte[] presented = digest(presentedToken);
        String match = null;
        for (Map.Entry<String, byte[]> entry : digestsByName.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The SHA-256 digest of the token of that name (never the token). */
    public Optional<byte[]> digestOf(String name) {
        return Optional.ofNullable(digestsByName.get(name)).map(byte[]::clone);
    }

    public Set<String> names() {
        return new TreeSet<>(digestsByName.keySet());
    }

    /** How many different token values there are (fewer than names when two names share one). */
    public int distinctValues() {
        return (int) digestsByName.values().stream().map(java.util.Arrays::toString).distinct().count();
    }

    public boolean isEmpty() {
        return digestsByName.isEmpty();
    }

    private static byte[] digest(String token) {
        return SessionCookies.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
