package io.leadlistener.wecom.crypto;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CORP_ID;
import static io.leadlistener.wecom.crypto.WeComTestVectors.ENCODING_AES_KEY;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_CORP_ID;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TOKEN;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_ECHOSTR;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.clockAt;
import static io.leadlistener.wecom.crypto.WeComTestVectors.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadlistener.wecom.crypto.CallbackCryptoException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackVerifierTest {

    private static final long NOW = 1_700_000_000L;

    private final CallbackVerifier atTextTime = new CallbackVerifier(secret(), CORP_ID, clockAt(TEXT_TIMESTAMP));

    @Test
    void answersTheOfficialUrlVerification() {
        CallbackVerifier verifier = new CallbackVerifier(secret(), CORP_ID, clockAt(V1_TIMESTAMP));

        assertEquals(V1_PLAINTEXT, verifier.verifyAndDecrypt(V1_SIGNATURE, V1_TIMESTAMP, V1_NONCE, V1_ECHOSTR));
    }

    @Test
    void decryptsTheV2TextMessageExactly() {
        assertEquals(TEXT_PLAINTEXT,
                atTextTime.verifyAndDecrypt(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));
    }

    @Test
    void decryptsTheV2ExternalContactEvent() {
        CallbackVerifier verifier = new CallbackVerifier(secret(), CORP_ID, clockAt(CONTACT_TIMESTAMP));

        assertEquals(CONTACT_PLAINTEXT,
                verifier.verifyAndDecrypt(CONTACT_SIGNATURE, CONTACT_TIMESTAMP, CONTACT_NONCE, CONTACT_ENCRYPT));
    }

    @Test
    void rejectsAMessageEncryptedForAnotherCorpWithoutNamingEitherId() {
        CallbackRejectedException e = rejected(
                () -> atTextTime.verifyAndDecrypt(FOREIGN_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, FOREIGN_ENCRYPT));

        assertEquals(RejectionReason.RECEIVE_ID_MISMATCH, e.reason());
        assertEquals("receiveid does not match the tenant's CorpID", e.detail());
        assertFalse(e.detail().contains(FOREIGN_CORP_ID));
        assertFalse(e.detail().contains(CORP_ID));
    }

    @Test
    void rejectsTheV2VectorsWithARealClockBecauseTheyAreOld() {
        CallbackVerifier verifier = new CallbackVerifier(secret(), CORP_ID, Clock.systemUTC());

        CallbackRejectedException e = rejected(
                () -> verifier.verifyAndDecrypt(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));

        assertEquals(RejectionReason.TIMESTAMP_OUTSIDE_WINDOW, e.reason());
        assertTrue(e.detail().matches("timestamp is \\d+ s in the past, outside the accepted window of ±300 s"),
                e.detail());
    }

    @ParameterizedTest(name = "skew {0} s")
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void acceptsTimestampsWithinTheWindowInclusive(long skew) {
        SignedCallback callback = sign(NOW + skew);

        assertEquals("hello", verifierAt(Instant.ofEpochSecond(NOW)).verifyAndDecrypt(callback.msgSignature(),
                Long.toString(callback.timestamp()), callback.nonce(), callback.encrypt()));
    }

    @ParameterizedTest(name = "skew {0} s")
    @CsvSource({
        "-301, 'timestamp is 301 s in the past, outside the accepted window of ±300 s'",
        "301, 'timestamp is 301 s in the future, outside the accepted window of ±300 s'",
        "-1700000000, 'timestamp is 1700000000 s in the past, outside the accepted window of ±300 s'",
    })
    void rejectsTimestampsOutsideTheWindow(long skew, String detail) {
        SignedCallback callback = sign(NOW + skew);

        CallbackRejectedException e = rejected(() -> verifierAt(Instant.ofEpochSecond(NOW)).verifyAndDecrypt(
                callback.msgSignature(), Long.toString(callback.timestamp()), callback.nonce(), callback.encrypt()));

        assertEquals(RejectionReason.TIMESTAMP_OUTSIDE_WINDOW, e.reason());
        assertEquals(detail, e.detail());
    }

    @Test
    void comparesWithTheClocksWholeSecond() {
        // 300.999 s after the timestamp is still second +300: the window is counted in whole seconds.
        SignedCallback callback = sign(NOW - 300);

        assertEquals("hello", verifierAt(Instant.ofEpochSecond(NOW, 999_000_000)).verifyAndDecrypt(
                callback.msgSignature(), Long.toString(callback.timestamp()), callback.nonce(), callback.encrypt()));
    }

    @Test
    void honoursAConfiguredWindow() {
        CallbackVerifier strict = new CallbackVerifier(List.of(secret()), CORP_ID,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofSeconds(10));
        SignedCallback callback = sign(NOW - 11);

        CallbackRejectedException e = rejected(() -> strict.verifyAndDecrypt(callback.msgSignature(),
                Long.toString(callback.timestamp()), callback.nonce(), callback.encrypt()));

        assertEquals("timestamp is 11 s in the past, outside the accepted window of ±10 s", e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "+1700000000", "-5", "1700000000.5", " 1700000000", "1700000000 ",
        "１７００００００００", "1234567890123456789"})
    void rejectsTimestampsThatAreNotPlainDigitsBeforeLookingAtTheSignature(String timestamp) {
        CallbackRejectedException e =
                rejected(() -> atTextTime.verifyAndDecrypt("bad", timestamp, TEXT_NONCE, TEXT_ENCRYPT));

        assertEquals(RejectionReason.MALFORMED_TIMESTAMP, e.reason());
        assertEquals("timestamp must be 1 to 18 decimal digits (epoch seconds)", e.detail());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, 1700000000, 1234567890, x, msg_signature is missing",
        "'', 1700000000, 1234567890, x, msg_signature is missing",
        "sig, NULL, 1234567890, x, timestamp is missing",
        "sig, 1700000000, '', x, nonce is missing",
        "sig, 1700000000, 1234567890, NULL, ciphertext (echostr or Encrypt) is missing",
    })
    void rejectsMissingParameters(String signature, String timestamp, String nonce, String encrypted,
            String detail) {
        CallbackRejectedException e =
                rejected(() -> atTextTime.verifyAndDecrypt(signature, timestamp, nonce, encrypted));

        assertEquals(RejectionReason.MISSING_PARAMETER, e.reason());
        assertEquals(detail, e.detail());
    }

    @Test
    void checksTheWindowBeforeTheSignature() {
        CallbackRejectedException e =
                rejected(() -> atTextTime.verifyAndDecrypt("forged", "1600000000", TEXT_NONCE, TEXT_ENCRYPT));

        assertEquals(RejectionReason.TIMESTAMP_OUTSIDE_WINDOW, e.reason());
    }

    @Test
    void rejectsATamperedSignature() {
        String tampered = TEXT_SIGNATURE.substring(0, 39) + "9";

        assertSignatureMismatch(() -> atTextTime.verifyAndDecrypt(tampered, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));
    }

    @Test
    void rejectsSignatureFromAnotherToken() {
        CallbackVerifier otherToken = new CallbackVerifier(CallbackSecret.of(TOKEN + "2", ENCODING_AES_KEY), CORP_ID,
                clockAt(TEXT_TIMESTAMP));

        assertSignatureMismatch(
                () -> otherToken.verifyAndDecrypt(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));
    }

    @Test
    void rejectsTamperedCiphertextBeforeDecryptingIt() {
        String tampered = TEXT_ENCRYPT.replace('s', 't');

        assertSignatureMismatch(() -> atTextTime.verifyAndDecrypt(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, tampered));
    }

    @Test
    void rejectsTheSignatureOfAnotherTimestampOrNonce() {
        assertSignatureMismatch(
                () -> atTextTime.verifyAndDecrypt(TEXT_SIGNATURE, "1700000001", TEXT_NONCE, TEXT_ENCRYPT));
        assertSignatureMismatch(
                () -> atTextTime.verifyAndDecrypt(TEXT_SIGNATURE, TEXT_TIMESTAMP, "1234567891", TEXT_ENCRYPT));
    }

    @Test
    void reportsWhyASignedCiphertextDoesNotDecrypt() {
        // Correctly signed, so only the Token holder could send it; the payload is 48 bytes of zeros.
        String garbage = "A".repeat(64);
        String signature = CallbackSignature.compute(TOKEN, TEXT_TIMESTAMP, TEXT_NONCE, garbage);

        CallbackRejectedException e =
                rejected(() -> atTextTime.verifyAndDecrypt(signature, TEXT_TIMESTAMP, TEXT_NONCE, garbage));

        assertEquals(RejectionReason.DECRYPTION_FAILED, e.reason());
        assertEquals(Optional.of(Reason.INVALID_CIPHERTEXT_LENGTH), e.cryptoReason());
        assertEquals("ciphertext is 48 bytes, expected a positive multiple of 32", e.detail());
    }

    @Test
    void acceptsCallbacksSignedWithThePreviousSecretDuringRotation() {
        CallbackSecret current = CallbackSecret.of("newToken", EncodingAesKey.parse("B".repeat(43)).encoded());
        CallbackVerifier rotating = new CallbackVerifier(List.of(current, secret()), CORP_ID, clockAt(TEXT_TIMESTAMP),
                CallbackVerifier.DEFAULT_REPLAY_WINDOW);

        VerifiedCallback old = rotating.verify(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT);
        SignedCallback fresh = CallbackSigner.sign(current, CORP_ID, "new", NOW, "1");

        assertEquals(new VerifiedCallback(TEXT_PLAINTEXT, 1), old);
        assertEquals(new VerifiedCallback("new", 0),
                rotating.verify(fresh.msgSignature(), "1700000000", "1", fresh.encrypt()));
    }

    @Test
    void acceptsThePreviousSecretUntilItsInstantAndNotAfter() {
        CallbackSecret current = CallbackSecret.of("newToken", EncodingAesKey.parse("B".repeat(43)).encoded());
        Instant textTime = Instant.ofEpochSecond(Long.parseLong(TEXT_TIMESTAMP));
        List<AcceptedSecret> rotation = List.of(AcceptedSecret.current(current),
                new AcceptedSecret(secret(), textTime.plusSeconds(60)));

        CallbackVerifier beforeTheEnd = new CallbackVerifier(rotation, CORP_ID, CallbackVerifier.DEFAULT_REPLAY_WINDOW,
                Clock.fixed(textTime.plusSeconds(60), ZoneOffset.UTC));
        CallbackVerifier afterTheEnd = new CallbackVerifier(rotation, CORP_ID, CallbackVerifier.DEFAULT_REPLAY_WINDOW,
                Clock.fixed(textTime.plusSeconds(61), ZoneOffset.UTC));

        assertEquals(new VerifiedCallback(TEXT_PLAINTEXT, 1),
                beforeTheEnd.verify(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));
        assertSignatureMismatch(() -> afterTheEnd.verify(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));
        SignedCallback fresh = CallbackSigner.sign(current, CORP_ID, "new", textTime.plusSeconds(61).getEpochSecond(),
                "1");
        assertEquals(new VerifiedCallback("new", 0), afterTheEnd.verify(fresh.msgSignature(),
                Long.toString(textTime.plusSeconds(61).getEpochSecond()), "1", fresh.encrypt()));
    }

    @Test
    void triesEverySecretWithTheSameTokenWhenOnlyTheKeyWasRotated() {
        CallbackSecret newKeySameToken = CallbackSecret.of(TOKEN, "B".repeat(43));
        CallbackVerifier rotating = new CallbackVerifier(List.of(newKeySameToken, secret()), CORP_ID,
                clockAt(TEXT_TIMESTAMP), CallbackVerifier.DEFAULT_REPLAY_WINDOW);

        assertEquals(new VerifiedCallback(TEXT_PLAINTEXT, 1),
                rotating.verify(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT));
    }

    @Test
    void prefersReceiveIdMismatchOverADecryptionFailureOfAnotherSecret() {
        CallbackSecret newKeySameToken = CallbackSecret.of(TOKEN, "B".repeat(43));
        CallbackVerifier rotating = new CallbackVerifier(List.of(newKeySameToken, secret()), CORP_ID,
                clockAt(TEXT_TIMESTAMP), CallbackVerifier.DEFAULT_REPLAY_WINDOW);

        CallbackRejectedException e = rejected(
                () -> rotating.verify(FOREIGN_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, FOREIGN_ENCRYPT));

        assertEquals(RejectionReason.RECEIVE_ID_MISMATCH, e.reason());
    }

    @Test
    void neverPutsSecretsOrPlaintextIntoDetails() {
        List<Executable> attempts = List.of(
                () -> atTextTime.verifyAndDecrypt("0".repeat(40), TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT),
                () -> atTextTime.verifyAndDecrypt(FOREIGN_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, FOREIGN_ENCRYPT));
        for (Executable attempt : attempts) {
            CallbackRejectedException e = rejected(attempt);
            String everything = e.detail() + e + e.getCause();
            assertFalse(everything.contains(TOKEN), everything);
            assertFalse(everything.contains(ENCODING_AES_KEY.substring(0, 8)), everything);
            assertFalse(everything.contains(TEXT_SIGNATURE), everything);
            assertFalse(everything.contains(FOREIGN_SIGNATURE), everything);
            assertFalse(everything.contains("报价"), everything);
        }
    }

    @Test
    void refusesAnIncompleteConfiguration() {
        Clock clock = Clock.systemUTC();
        Duration window = CallbackVerifier.DEFAULT_REPLAY_WINDOW;
        assertEquals("at least one callback secret is required", assertThrows(IllegalArgumentException.class,
                () -> new CallbackVerifier(List.of(), CORP_ID, clock, window)).getMessage());
        assertEquals("expected receiveid (CorpID) is missing", assertThrows(IllegalArgumentException.class,
                () -> new CallbackVerifier(secret(), " ", clock)).getMessage());
        assertEquals("replay window must not be negative", assertThrows(IllegalArgumentException.class,
                () -> new CallbackVerifier(List.of(secret()), CORP_ID, clock, Duration.ofSeconds(-1))).getMessage());
    }

    @Test
    void masksSecretsInToString() {
        assertEquals("CallbackSecret[token=****, key=****]", secret().toString());
        assertEquals("VerifiedCallback[message=<5 chars>, secretIndex=0]", new VerifiedCallback("hello", 0).toString());
    }

    @Test
    void rejectsTokensWeComWouldNotIssue() {
        assertEquals("callback Token is missing", assertThrows(IllegalArgumentException.class,
                () -> CallbackSecret.of("", ENCODING_AES_KEY)).getMessage());
        assertEquals("callback Token must be at most 32 characters, got 33", assertThrows(
                IllegalArgumentException.class, () -> CallbackSecret.of("t".repeat(33), ENCODING_AES_KEY)).getMessage());
    }

    private static SignedCallback sign(long timestamp) {
        return CallbackSigner.sign(secret(), CORP_ID, "hello", timestamp, "42");
    }

    private static CallbackVerifier verifierAt(Instant now) {
        return new CallbackVerifier(secret(), CORP_ID, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static CallbackRejectedException rejected(Executable executable) {
        return assertThrows(CallbackRejectedException.class, executable);
    }

    private static void assertSignatureMismatch(Executable executable) {
        CallbackRejectedException e = rejected(executable);
        assertEquals(RejectionReason.SIGNATURE_MISMATCH, e.reason());
        assertEquals("msg_signature does not match any configured callback Token", e.detail());
    }
}
