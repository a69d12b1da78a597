package io.leadlistener.wecom.crypto;

import java.util.Objects;
import java.util.Optional;

/**
 * A callback that must not be processed, with the reason and a detail that is safe to log and to return
 * in an error response: it never contains a secret, a signature we computed, or decrypted content.
 *
 * <p>Unchecked because the HTTP layer maps it in one exception mapper rather than at every call site.
 */
public final class CallbackRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final CallbackCryptoException.Reason cryptoReason;

    public CallbackRejectedException(RejectionReason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.cryptoReason = null;
    }

    /** A {@link RejectionReason#DECRYPTION_FAILED} rejection; its detail is the crypto failure's message. */
    public CallbackRejectedException(CallbackCryptoException cause) {
        super(cause.getMessage(), cause);
        this.reason = RejectionReason.DECRYPTION_FAILED;
        this.cryptoReason = cause.reason();
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The precise, safe explanation (also {@link #getMessage()}). */
    public String detail() {
        return getMessage();
    }

    /** For {@link RejectionReason#DECRYPTION_FAILED}, what was wrong with the ciphertext. */
    public Optional<CallbackCryptoException.Reason> cryptoReason() {
        return Optional.ofNullable(cryptoReason);
    }

    @Override
    public String toString() {
        return "CallbackRejectedException[" + reason + ": " + getMessage() + "]";
    }
}
