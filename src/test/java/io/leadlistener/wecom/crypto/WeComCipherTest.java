package io.leadlistener.wecom.crypto;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CORP_ID;
import static io.leadlistener.wecom.crypto.WeComTestVectors.ENCODING_AES_KEY;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_CORP_ID;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.RANDOM16;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_ECHOSTR;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_PLAINTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadlistener.wecom.crypto.CallbackCryptoException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WeComCipherTest {

    private static final EncodingAesKey KEY = EncodingAesKey.parse(ENCODING_AES_KEY);
    private static final String PII = "我的手机号是13800138000";

    private final WeComCipher cipher = new WeComCipher(KEY);

    @Test
    void decryptsTheOfficialEchostr() throws Exception {
        assertEquals(new DecryptedPayload(V1_PLAINTEXT, CORP_ID), cipher.decrypt(V1_ECHOSTR));
    }

    @Test
    void decryptsTheV2Vectors() throws Exception {
        assertEquals(new DecryptedPayload(TEXT_PLAINTEXT, CORP_ID), cipher.decrypt(TEXT_ENCRYPT));
        assertEquals(new DecryptedPayload(TEXT_PLAINTEXT, FOREIGN_CORP_ID), cipher.decrypt(FOREIGN_ENCRYPT));
        assertEquals(new DecryptedPayload(CONTACT_PLAINTEXT, CORP_ID), cipher.decrypt(CONTACT_ENCRYPT));
    }

    @Test
    void reproducesTheV2CiphertextsFromTheirRandomBytes() {
        assertEquals(TEXT_ENCRYPT, cipher.encrypt(TEXT_PLAINTEXT, CORP_ID, RANDOM16));
        assertEquals(FOREIGN_ENCRYPT, cipher.encrypt(TEXT_PLAINTEXT, FOREIGN_CORP_ID, RANDOM16));
        assertEquals(CONTACT_ENCRYPT, cipher.encrypt(CONTACT_PLAINTEXT, CORP_ID, RANDOM16));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 11, 12, 13, 43, 44, 45, 1000})
    void roundTripsEveryPaddingLength(int messageLength) throws Exception {
        // 20 header bytes + the message + 18 receiveid bytes: lengths 12 and 44 fill a block exactly,
        // which must add a whole 32-byte block of padding.
        String message = "x".repeat(messageLength);

        String encrypted = cipher.encrypt(message, CORP_ID);

        assertEquals(0, Base64.getDecoder().decode(encrypted).length % 32);
        assertEquals(new DecryptedPayload(message, CORP_ID), cipher.decrypt(encrypted));
    }

    @Test
    void usesFreshRandomBytesForEachEncryption() {
        assertNotEquals(cipher.encrypt(PII, CORP_ID), cipher.encrypt(PII, CORP_ID));
    }

    @Test
    void rejectsRandomBytesOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cipher.encrypt(PII, CORP_ID, new byte[15]));
        assertEquals("random16 must be 16 bytes, got 15", e.getMessage());
    }

    @Test
    void masksTheMessageInToString() {
        String text = new DecryptedPayload(PII, CORP_ID).toString();
        assertFalse(text.contains(PII), text);
        assertEquals("DecryptedPayload[message=<17 chars>, receiveId=wx5823bf96d3bd56c7]", text);
    }

    static Stream<Arguments> brokenCiphertexts() {
        byte[] receiveId = CORP_ID.getBytes(StandardCharsets.UTF_8);
        byte[] pii = PII.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("not Base64", "not base64!!", Reason.INVALID_BASE64,
                        "ciphertext is not valid Base64"),
                Arguments.of("empty", "", Reason.INVALID_CIPHERTEXT_LENGTH,
                        "ciphertext is 0 bytes, expected a positive multiple of 32"),
                Arguments.of("not a whole AES block", base64(new byte[17]), Reason.INVALID_CIPHERTEXT_LENGTH,
                        "ciphertext is 17 bytes, expected a positive multiple of 32"),
                Arguments.of("whole AES blocks but not whole padding blocks", base64(new byte[48]),
                        Reason.INVALID_CIPHERTEXT_LENGTH,
                        "ciphertext is 48 bytes, expected a positive multiple of 32"),
                Arguments.of("pad byte 0", rawEncrypt(plaintext(pii, 0, receiveId, 0)), Reason.BAD_PADDING,
                        "pad byte is 0, expected 1..32"),
                Arguments.of("pad byte 33", rawEncrypt(plaintext(pii, pii.length, receiveId, 33)),
                        Reason.BAD_PADDING, "pad byte is 33, expected 1..32"),
                Arguments.of("inconsistent pad bytes", rawEncrypt(inconsistentPadding(pii, receiveId)),
                        Reason.BAD_PADDING, "the last 5 bytes are not all equal to the pad byte"),
                Arguments.of("msg_len beyond the buffer", rawEncrypt(plaintext(pii, 1000, receiveId, -1)),
                        Reason.LENGTH_OUT_OF_RANGE, "msg_len 1000 is outside the 47 bytes after the header"),
                Arguments.of("negative msg_len", rawEncrypt(plaintext(pii, -1, receiveId, -1)),
                        Reason.LENGTH_OUT_OF_RANGE, "msg_len -1 is outside the 47 bytes after the header"),
                Arguments.of("shorter than the header", rawEncrypt(shortPlaintext()), Reason.LENGTH_OUT_OF_RANGE,
                        "plaintext is 16 bytes after unpadding, shorter than its 20-byte header"),
                Arguments.of("message not UTF-8", rawEncrypt(plaintext(new byte[] {'o', 'k', (byte) 0xff},
                        3, receiveId, -1)), Reason.INVALID_UTF8, "message is not valid UTF-8"),
                Arguments.of("receiveid not UTF-8", rawEncrypt(plaintext(pii, pii.length,
                        new byte[] {'w', 'w', (byte) 0xc3}, -1)), Reason.INVALID_UTF8,
                        "receiveid is not valid UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCiphertexts")
    void rejectsBrokenCiphertextWithAPreciseReasonAndNoPlaintext(String description, String ciphertext,
            Reason reason, String message) {
        CallbackCryptoException e = assertThrows(CallbackCryptoException.class, () -> cipher.decrypt(ciphertext));

        assertEquals(reason, e.reason());
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("13800138000"), "message leaks plaintext");
        assertFalse(e.getMessage().contains(CORP_ID), "message leaks plaintext");
    }

    @Test
    void rejectsCiphertextFromAnotherKeyAsBadPaddingOrLength() {
        String fromOtherKey = new WeComCipher(EncodingAesKey.parse("A".repeat(43))).encrypt(PII, CORP_ID);

        CallbackCryptoException e = assertThrows(CallbackCryptoException.class, () -> cipher.decrypt(fromOtherKey));

        // Garbage almost always fails the padding check; rarely it passes and msg_len is out of range.
        assertFalse(e.reason() == Reason.INVALID_BASE64 || e.reason() == Reason.INVALID_CIPHERTEXT_LENGTH);
    }

    /**
     * random(16) | msgLen | msg | receiveid | padding. {@code pad} -1 means correct PKCS#7; other values
     * fill the padding with that byte, padding to 32 (or using a whole block when {@code pad} exceeds the gap).
     */
    private static byte[] plaintext(byte[] msg, int msgLen, byte[] receiveId, int pad) {
        int unpadded = 20 + msg.length + receiveId.length;
        int gap = 32 - unpadded % 32;
        int padBytes = pad > gap ? gap + 32 : gap;
        byte fill = (byte) (pad < 0 ? gap : pad);
        ByteBuffer buffer = ByteBuffer.allocate(unpadded + padBytes).put(RANDOM16).putInt(msgLen).put(msg)
                .put(receiveId);
        while (buffer.hasRemaining()) {
            buffer.put(fill);
        }
        return buffer.array();
    }

    /** Correct length, but the pad bytes disagree: the last byte says 5, one of the others says 4. */
    private static byte[] inconsistentPadding(byte[] msg, byte[] receiveId) {
        byte[] plain = plaintext(msg, msg.length, receiveId, -1);
        plain[plain.length - 1] = 5;
        for (int i = 2; i <= 5; i++) {
            plain[plain.length - i] = 5;
        }
        plain[plain.length - 3] = 4;
        return plain;
    }

    /** One block: 16 header bytes and 16 bytes of valid padding, leaving no room for msg_len. */
    private static byte[] shortPlaintext() {
        byte[] plain = new byte[32];
        System.arraycopy(RANDOM16, 0, plain, 0, 16);
        for (int i = 16; i < 32; i++) {
            plain[i] = 16;
        }
        return plain;
    }

    /** Raw AES-256-CBC with WeCom's key and IV and no padding of its own: the plaintext is used as given. */
    private static String rawEncrypt(byte[] plain) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY.aesKey(), "AES"), new IvParameterSpec(KEY.iv()));
            return base64(aes.doFinal(plain));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
