package io.leadlistener.wecom.crypto;

/**
 * Why {@link CallbackVerifier} refused a callback, in the order the checks run.
 *
 * <p>Everything up to and including {@link #SIGNATURE_MISMATCH} is decided before the request is known to
 * come from WeCom (an HTTP layer would answer 400 for the malformed ones and 401 for the rest); the later
 * reasons concern a correctly signed request whose content is wrong.
 */
public enum RejectionReason {
    /** {@code msg_signature}, {@code timestamp}, {@code nonce} or the ciphertext is absent or empty. */
    MISSING_PARAMETER,
    /** {@code timestamp} is not a decimal number of epoch seconds. */
    MALFORMED_TIMESTAMP,
    /** {@code timestamp} is outside the replay window around the verifier's clock. */
    TIMESTAMP_OUTSIDE_WINDOW,
    /** No configured Token yields {@code msg_signature}. */
    SIGNATURE_MISMATCH,
    /** The signature matched but the ciphertext did not decrypt; see {@link CallbackRejectedException#cryptoReason()}. */
    DECRYPTION_FAILED,
    /** The plaintext was encrypted for another CorpID (or suite). */
    RECEIVE_ID_MISMATCH,
}
