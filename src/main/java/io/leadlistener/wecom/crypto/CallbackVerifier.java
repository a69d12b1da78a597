package io.leadlistener.wecom.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The complete acceptance check for one WeCom callback (URL verification {@code echostr} or message
 * {@code Encrypt}), in the order that does the least work for forged requests:
 * <ol>
 *   <li>all four values present;</li>
 *   <li>{@code timestamp} is decimal epoch seconds within the replay window of the clock;</li>
 *   <li>{@code msg_signature} matches one of the configured secrets (constant-time compare);</li>
 *   <li>the ciphertext decrypts with that secret's key (only now is the padding looked at);</li>
 *   <li>the plaintext's receiveid equals the tenant's CorpID, which many libraries never check.</li>
 * </ol>
 * See {@code shared/design/wecom-protocol.md}, "Crypto".
 *
 * <p>Several secrets can be configured so that a Token/EncodingAESKey rotation does not drop callbacks:
 * WeCom switches to the new values when the admin saves them, while requests already in flight (and their
 * retries) carry the old ones. Every secret whose Token yields the signature is tried in order (a rotation
 * may change only the key); the first that decrypts to the tenant's receiveid wins. When none does, the
 * rejection reports a receiveid mismatch if any secret decrypted cleanly, else the first decryption
 * failure.
 *
 * <p>The replay window is inclusive: with the default of 300 s, a timestamp exactly 300 s before or after
 * the clock's current second is accepted and 301 s is rejected. Replays inside the window are the inbox's
 * deduplication's job.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallbackVerifier {

    /** WeCom's documented tolerance; also what the design note asks for. */
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofSeconds(300);

    /** Epoch seconds need 10 digits today; 18 digits always fit in a long. */
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private final List<CallbackSecret> secrets;
    private final List<AcceptedSecret> accepted;
    private final List<WeComCipher> ciphers;
    private final String expectedReceiveId;
    private final Clock clock;
    private final long replayWindowSeconds;

    /** One secret and the default ±300 s replay window. */
    public CallbackVerifier(CallbackSecret secret, String expectedReceiveId, Clock clock) {
        this(List.of(Objects.requireNonNull(secret, "secret")), expectedReceiveId, clock, DEFAULT_REPLAY_WINDOW);
    }

    /**
     * @param secrets the current secret first, then any older ones still accepted; at least one
     * @param expectedReceiveId the tenant's CorpID (or suite id for a third-party app)
     * @param replayWindow how far the request's timestamp may be from {@code clock}, either way; whole seconds
     */
    public CallbackVerifier(List<CallbackSecret> secrets, String expectedReceiveId, Clock clock,
            Duration replayWindow) {
        this(Objects.requireNonNull(secrets, "secrets").stream().map(AcceptedSecret::current).toList(),
                expectedReceiveId, replayWindow, clock);
    }

    /**
     * @param accepted the current secret first, then a previous one accepted until its instant (a rotation); at
     *                 least one
     */
    public CallbackVerifier(List<AcceptedSecret> accepted, String expectedReceiveId, Duration replayWindow,
            Clock clock) {
        this.accepted = List.copyOf(Objects.requireNonNull(accepted, "accepted"));
        this.secrets = this.accepted.stream().map(AcceptedSecret::secret).toList();
        if (this.secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one callback secret is required");
        }
        if (expectedReceiveId == null || expectedReceiveId.isBlank()) {
            throw new IllegalArgumentException("expected receiveid (CorpID) is missing");
        }
        Objects.requireNonNull(replayWindow, "replayWindow");
        if (replayWindow.isNegative()) {
            throw new IllegalArgumentException("replay window must not be negative");
        }
        this.ciphers = this.secrets.stream().map(secret -> new WeComCipher(secret.key())).toList();
        this.expectedReceiveId = expectedReceiveId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replayWindowSeconds = replayWindow.toSeconds();
    }

    /**
     * Checks one callback and returns its plaintext message.
     *
     * @param encrypted the {@code echostr} query parameter, or the envelope's {@code Encrypt}
     * @throws CallbackRejectedException with the first failed check
     */
    public String verifyAndDecrypt(String msgSignature, String timestamp, String nonce, String encrypted) {
        return verify(msgSignature, timestamp, nonce, encrypted).message();
    }

    /** As {@link #verifyAndDecrypt}, also telling which secret signed the callback. */
    public VerifiedCallback verify(String msgSignature, String timestamp, String nonce, String encrypted) {
        requirePresent(msgSignature, "msg_signature");
        requirePresent(timestamp, "timestamp");
        requirePresent(nonce, "nonce");
        requirePresent(encrypted, "ciphertext (echostr or Encrypt)");
        checkWindow(parseTimestamp(timestamp));

        CallbackRejectedException failure = null;
        java.time.Instant now = clock.instant();
        for (int i = 0; i < secrets.size(); i++) {
            if (!accepted.get(i).acceptedAt(now)
                    || !CallbackSignature.matches(msgSignature, secrets.get(i).token(), timestamp, nonce, encrypted)) {
                continue;
            }
            try {
                DecryptedPayload payload = ciphers.get(i).decrypt(encrypted);
                if (expectedReceiveId.equals(payload.receiveId())) {
                    return new VerifiedCallback(payload.message(), i);
                }
                // Neither id is echoed: the detail may reach the caller, and the receiveid came from the sender.
                failure = new CallbackRejectedException(RejectionReason.RECEIVE_ID_MISMATCH,
                        "receiveid does not match the tenant's CorpID");
            } catch (CallbackCryptoException e) {
                // A rotation may keep the Token and change only the key, so several secrets can match the
                // signature; a clean decryption with another of them is better evidence than this failure.
                if (failure == null) {
                    failure = new CallbackRejectedException(e);
                }
            }
        }
        if (failure == null) {
            failure = new CallbackRejectedException(RejectionReason.SIGNATURE_MISMATCH,
                    "msg_signature does not match any configured callback Token");
        }
        throw failure;
    }

    private static void requirePresent(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new CallbackRejectedException(RejectionReason.MISSING_PARAMETER, name + " is missing");
        }
    }

    private static long parseTimestamp(String timestamp) {
        // Long.parseLong alone would also accept "+1700000000" and "-5"; WeCom sends plain digits.
        boolean digitsOnly = timestamp.length() <= MAX_TIMESTAMP_DIGITS
                && timestamp.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digitsOnly) {
            throw new CallbackRejectedException(RejectionReason.MALFORMED_TIMESTAMP,
                    "timestamp must be 1 to " + MAX_TIMESTAMP_DIGITS + " decimal digits (epoch seconds)");
        }
        return Long.parseLong(timestamp);
    }

    private void checkWindow(long timestamp) {
        long skew = timestamp - clock.instant().getEpochSecond();
        if (Math.abs(skew) > replayWindowSeconds) {
            String direction = skew < 0 ? "in the past" : "in the future";
            throw new CallbackRejectedException(RejectionReason.TIMESTAMP_OUTSIDE_WINDOW,
                    "timestamp is " + Math.abs(skew) + " s " + direction
                            + ", outside the accepted window of ±" + replayWindowSeconds + " s");
        }
    }
}
