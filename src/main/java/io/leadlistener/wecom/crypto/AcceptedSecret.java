package io.leadlistener.wecom.crypto;

import java.time.Instant;
import java.util.Objects;

/**
 * A callback secret and until when it is accepted: {@code null} for the current secret, an instant for the previous
 * one during a rotation (so the WeCom console and our Secret can be switched in either order).
 */
public record AcceptedSecret(CallbackSecret secret, Instant acceptedUntil) {

    public AcceptedSecret {
        Objects.requireNonNull(secret, "secret");
    }

    public static AcceptedSecret current(CallbackSecret secret) {
        return new AcceptedSecret(secret, null);
    }

    boolean acceptedAt(Instant now) {
        return acceptedUntil == null || !now.isAfter(acceptedUntil);
    }

    @Override
    public String toString() {
        return "AcceptedSecret[secret=****, acceptedUntil=" + acceptedUntil + "]";
    }
}
