package io.leadlistener.wecom.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks our implementation against WxJava's {@code WxCryptUtil} (the base of {@code WxCpCryptUtil}),
 * a widely used independent one, on random keys, Tokens, CorpIDs and messages. Seeded, so a failure names
 * a case that can be replayed.
 *
 * <p>WxJava does not check the receiveid when decrypting, so the "ours encrypts" direction compares
 * messages only; the other direction goes through our full {@link CallbackVerifier}, receiveid included.
 */
class WxJavaCrossCheckTest {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** ASCII, XML-ish punctuation, CJK, a fullwidth question mark, and emoji outside the BMP. */
    private static final String[] ALPHABET = {
        "a", "Z", "7", " ", "<", ">", "&", "]]>", "\n", "能", "给", "报", "价", "吗", "？", "微", "信", "😀", "👍🏽", "é",
    };

    record Case(int seed, String token, String encodingAesKey, String corpId, String message, String random16) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + message.length() + " chars";
        }
    }

    static Stream<Case> cases() {
        return IntStream.range(0, 200).mapToObj(WxJavaCrossCheckTest::randomCase);
    }

    private static Case randomCase(int seed) {
        Random random = new Random(seed);
        byte[] key = new byte[32];
        random.nextBytes(key);
        StringBuilder message = new StringBuilder();
        int parts = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(400);
        for (int i = 0; i < parts; i++) {
            message.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return new Case(seed,
                alphanumeric(random, 3 + random.nextInt(30)),
                Base64.getEncoder().withoutPadding().encodeToString(key),
                "ww" + alphanumeric(random, 16),
                message.toString(),
                alphanumeric(random, 16));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wxJavaDecryptsWhatWeEncryptAndAcceptsOurSignature(Case c) {
        CallbackSecret secret = CallbackSecret.of(c.token(), c.encodingAesKey());
        SignedCallback ours = CallbackSigner.sign(secret, c.corpId(), c.message(), 1_700_000_000L, "nonce" + c.seed());
        WxCryptUtil wxJava = new WxCryptUtil(c.token(), c.encodingAesKey(), c.corpId());

        assertEquals(c.message(), wxJava.decryptContent(ours.msgSignature(), Long.toString(ours.timestamp()),
                ours.nonce(), ours.encrypt()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void weVerifyAndDecryptWhatWxJavaEncryptsAndSigns(Case c) {
        WxCryptUtil wxJava = new WxCryptUtil(c.token(), c.encodingAesKey(), c.corpId());
        WxCryptUtil.EncryptContext theirs = wxJava.encryptContext(c.message()); // signed "now"
        CallbackVerifier verifier =
                new CallbackVerifier(CallbackSecret.of(c.token(), c.encodingAesKey()), c.corpId(), Clock.systemUTC());

        assertEquals(c.message(), verifier.verifyAndDecrypt(theirs.getSignature(), theirs.getTimeStamp(),
                theirs.getNonce(), theirs.getEncrypt()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void producesTheSameCiphertextAndSignatureFromTheSameRandomBytes(Case c) {
        WxCryptUtil wxJava = new WxCryptUtil(c.token(), c.encodingAesKey(), c.corpId());
        WeComCipher ours = new WeComCipher(EncodingAesKey.parse(c.encodingAesKey()));

        String encrypted = ours.encrypt(c.message(), c.corpId(), c.random16().getBytes(StandardCharsets.US_ASCII));

        assertEquals(wxJava.encrypt(c.random16(), c.message()), encrypted);
        assertEquals(SHA1.gen(c.token(), "1700000000", "nonce", encrypted),
                CallbackSignature.compute(c.token(), "1700000000", "nonce", encrypted));
    }

    private static String alphanumeric(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }
}
