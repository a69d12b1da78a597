package io.leadlistener.wecom.crypto;

import io.leadlistener.wecom.crypto.CallbackCryptoException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's message encryption: AES-256-CBC with IV = key[0..16) and PKCS#7 padding to a 32-byte block, over
 * the plaintext {@code random(16) | msg_len (4 bytes, big-endian) | msg (UTF-8) | receiveid}.
 *
 * <p>See {@code shared/design/wecom-protocol.md}, "Crypto". The padding block is 32 bytes, not AES's 16, so
 * the JDK's {@code PKCS5Padding} cannot be used: the cipher runs with {@code NoPadding} and this class pads
 * and unpads itself. Decryption does not check the receiveid; {@link CallbackVerifier} does, because only
 * it knows the tenant.
 *
 * <p>Thread-safe: a {@link Cipher} is created per call.
 */
public final class WeComCipher {

    /** WeCom pads to 32 bytes (the official samples call it the block size). */
    static final int PAD_BLOCK = 32;
    static final int RANDOM_BYTES = 16;
    private static final int LENGTH_BYTES = 4;
    private static final int HEADER_BYTES = RANDOM_BYTES + LENGTH_BYTES;
    private static final String TRANSFORMATION = "AES/CBC/NoPadding";

    private final SecretKeySpec secretKey;
    private final IvParameterSpec iv;
    private final SecureRandom random;

    public WeComCipher(EncodingAesKey key) {
        this(key, new SecureRandom());
    }

    public WeComCipher(EncodingAesKey key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        this.secretKey = new SecretKeySpec(key.aesKey(), "AES");
        this.iv = new IvParameterSpec(key.iv());
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts with 16 fresh random bytes, returning standard Base64 (the {@code Encrypt} value). */
    public String encrypt(String message, String receiveId) {
        byte[] random16 = new byte[RANDOM_BYTES];
        random.nextBytes(random16);
        return encrypt(message, receiveId, random16);
    }

    /** Encrypts with the given 16 leading bytes; deterministic, for test vectors. */
    public String encrypt(String message, String receiveId, byte[] random16) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receiveId, "receiveId");
        Objects.requireNonNull(random16, "random16");
        if (random16.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("random16 must be " + RANDOM_BYTES + " bytes, got " + random16.length);
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int unpadded = HEADER_BYTES + msg.length + id.length;
        int pad = PAD_BLOCK - unpadded % PAD_BLOCK; // 1..32: a full block of padding when already aligned
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad)
                .put(random16)
                .putInt(msg.length) // ByteBuffer is big-endian, as the protocol requires
                .put(msg)
                .put(id);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /**
     * Decrypts an {@code Encrypt}/{@code echostr} value.
     *
     * @throws CallbackCryptoException when the value is not Base64, not whole padding blocks, badly padded,
     *         has a {@code msg_len} outside the plaintext, or is not UTF-8; the message never contains the
     *         decrypted bytes
     */
    public DecryptedPayload decrypt(String base64Ciphertext) throws CallbackCryptoException {
        Objects.requireNonNull(base64Ciphertext, "base64Ciphertext");
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(base64Ciphertext);
        } catch (IllegalArgumentException e) {
            throw new CallbackCryptoException(Reason.INVALID_BASE64, "ciphertext is not valid Base64");
        }
        // Padding to 32 bytes makes every genuine ciphertext a positive multiple of 32; anything else is
        // rejected before touching the cipher.
        if (ciphertext.length == 0 || ciphertext.length % PAD_BLOCK != 0) {
            throw new CallbackCryptoException(Reason.INVALID_CIPHERTEXT_LENGTH,
                    "ciphertext is " + ciphertext.length + " bytes, expected a positive multiple of " + PAD_BLOCK);
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, ciphertext);
        try {
            int contentLength = plain.length - padLength(plain);
            if (contentLength < HEADER_BYTES) {
                throw new CallbackCryptoException(Reason.LENGTH_OUT_OF_RANGE, "plaintext is " + contentLength
                        + " bytes after unpadding, shorter than its " + HEADER_BYTES + "-byte header");
            }
            int msgLength = ByteBuffer.wrap(plain, RANDOM_BYTES, LENGTH_BYTES).getInt();
            int available = contentLength - HEADER_BYTES;
            if (msgLength < 0 || msgLength > available) {
                throw new CallbackCryptoException(Reason.LENGTH_OUT_OF_RANGE,
                        "msg_len " + msgLength + " is outside the " + available + " bytes after the header");
            }
            String message = utf8(plain, HEADER_BYTES, msgLength, "message");
            String receiveId = utf8(plain, HEADER_BYTES + msgLength, available - msgLength, "receiveid");
            return new DecryptedPayload(message, receiveId);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The PKCS#7 pad length, after checking it is 1..32 and that every pad byte carries it. */
    private static int padLength(byte[] plain) throws CallbackCryptoException {
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PAD_BLOCK) {
            throw new CallbackCryptoException(Reason.BAD_PADDING,
                    "pad byte is " + pad + ", expected 1.." + PAD_BLOCK);
        }
        int mismatches = 0;
        for (int i = plain.length - pad; i < plain.length; i++) {
            mismatches |= (plain[i] & 0xff) ^ pad;
        }
        if (mismatches != 0) {
            throw new CallbackCryptoException(Reason.BAD_PADDING,
                    "the last " + pad + " bytes are not all equal to the pad byte");
        }
        return pad;
    }

    private static String utf8(byte[] bytes, int offset, int length, String what) throws CallbackCryptoException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CallbackCryptoException(Reason.INVALID_UTF8, what + " is not valid UTF-8");
        }
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, secretKey, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Input sizes are checked above and Java 17's default (unlimited) crypto policy provides
            // AES-256/CBC/NoPadding, so this is a misconfigured platform, not bad input.
            throw new IllegalStateException("AES-256-CBC is unavailable: " + e.getClass().getSimpleName(), e);
        }
    }
}
