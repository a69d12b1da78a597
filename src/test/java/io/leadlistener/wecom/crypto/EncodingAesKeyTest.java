package io.leadlistener.wecom.crypto;

import static io.leadlistener.wecom.crypto.WeComTestVectors.ENCODING_AES_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingAesKeyTest {

    @Test
    void decodesTheOfficialKeyTo32BytesWithTheIvAsItsFirstHalf() {
        EncodingAesKey key = EncodingAesKey.parse(ENCODING_AES_KEY);

        byte[] expected = Base64.getDecoder().decode(ENCODING_AES_KEY + "=");
        assertArrayEquals(expected, key.aesKey());
        assertEquals(32, key.aesKey().length);
        assertArrayEquals(Arrays.copyOf(expected, 16), key.iv());
    }

    @Test
    void acceptsNonZeroTrailingBitsLikeWeComsOwnKeys() {
        // The official key ends in 'C', whose low bits fall outside the 32 bytes; 'A' spells the same key.
        String canonical = ENCODING_AES_KEY.substring(0, 42) + "A";

        assertEquals(EncodingAesKey.parse(canonical), EncodingAesKey.parse(ENCODING_AES_KEY));
        assertEquals(canonical, EncodingAesKey.parse(ENCODING_AES_KEY).encoded());
    }

    @Test
    void returnsCopiesSoCallersCannotAlterTheKey() {
        EncodingAesKey key = EncodingAesKey.parse(ENCODING_AES_KEY);
        key.aesKey()[0] ^= 1;
        key.iv()[0] ^= 1;

        assertEquals(EncodingAesKey.parse(ENCODING_AES_KEY), key);
    }

    @ParameterizedTest
    @CsvSource({
        "42, 'EncodingAESKey must be 43 characters, got 42'",
        "44, 'EncodingAESKey must be 43 characters, got 44'",
        "0, 'EncodingAESKey must be 43 characters, got 0'",
    })
    void rejectsWrongLengthNamingTheLengthButNotTheKey(int length, String message) {
        String candidate = (ENCODING_AES_KEY + ENCODING_AES_KEY).substring(0, length);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EncodingAesKey.parse(candidate));

        assertEquals(message, e.getMessage());
    }

    @Test
    void hintsAtSurroundingWhitespace() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EncodingAesKey.parse(ENCODING_AES_KEY + "\n"));

        assertEquals("EncodingAESKey must be 43 characters, got 44 (it has surrounding whitespace)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "'!', EncodingAESKey is not valid Base64",
        "'-', EncodingAESKey is not valid Base64", // URL-safe alphabet is not what WeCom uses
        "'=', 'EncodingAESKey must decode to 32 bytes, got 31'",
    })
    void rejectsKeysThatAreNotThe32ByteBase64WeComIssues(char last, String message) {
        String candidate = ENCODING_AES_KEY.substring(0, 42) + last;

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EncodingAesKey.parse(candidate));

        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains(ENCODING_AES_KEY.substring(0, 10)), "message leaks the key");
        assertEquals(null, e.getCause(), "the JDK's message would quote the key");
    }

    @Test
    void rejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EncodingAesKey.parse(null));
        assertEquals("EncodingAESKey is missing", e.getMessage());
    }

    @Test
    void masksItselfInToString() {
        assertEquals("EncodingAesKey[****]", EncodingAesKey.parse(ENCODING_AES_KEY).toString());
    }

    @Test
    void generatesKeysThatParseBack() {
        EncodingAesKey key = EncodingAesKey.generate(new SecureRandom());

        assertEquals(43, key.encoded().length());
        assertEquals(key, EncodingAesKey.parse(key.encoded()));
        assertNotEquals(key, EncodingAesKey.parse(ENCODING_AES_KEY));
    }
}
