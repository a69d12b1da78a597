package io.leadlistener.wecom.crypto;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TOKEN;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_ECHOSTR;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_TIMESTAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackSignatureTest {

    @ParameterizedTest
    @CsvSource({
        V1_SIGNATURE + "," + V1_TIMESTAMP + "," + V1_NONCE + "," + V1_ECHOSTR,
        TEXT_SIGNATURE + "," + TEXT_TIMESTAMP + "," + TEXT_NONCE + "," + TEXT_ENCRYPT,
        CONTACT_SIGNATURE + "," + CONTACT_TIMESTAMP + "," + CONTACT_NONCE + "," + CONTACT_ENCRYPT,
    })
    void computesTheVectorSignatures(String signature, String timestamp, String nonce, String encrypted) {
        assertEquals(signature, CallbackSignature.compute(TOKEN, timestamp, nonce, encrypted));
        assertTrue(CallbackSignature.matches(signature, TOKEN, timestamp, nonce, encrypted));
    }

    @Test
    void dependsOnTheValuesNotTheirArgumentOrder() {
        // The protocol sorts the four strings, so swapping timestamp and nonce gives the same digest.
        assertEquals(CallbackSignature.compute(TOKEN, V1_TIMESTAMP, V1_NONCE, V1_ECHOSTR),
                CallbackSignature.compute(TOKEN, V1_NONCE, V1_TIMESTAMP, V1_ECHOSTR));
    }

    @Test
    void acceptsUpperCaseHexForTheSameDigest() {
        assertTrue(CallbackSignature.matches(V1_SIGNATURE.toUpperCase(Locale.ROOT), TOKEN, V1_TIMESTAMP, V1_NONCE,
                V1_ECHOSTR));
    }

    @ParameterizedTest
    @CsvSource({
        "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", // last digit changed
        "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd", // truncated
        "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd30", // extended
        "''",
    })
    void rejectsAnyOtherCandidate(String candidate) {
        assertFalse(CallbackSignature.matches(candidate, TOKEN, V1_TIMESTAMP, V1_NONCE, V1_ECHOSTR));
    }

    @Test
    void rejectsNullCandidate() {
        assertFalse(CallbackSignature.matches(null, TOKEN, V1_TIMESTAMP, V1_NONCE, V1_ECHOSTR));
    }

    @Test
    void rejectsSignatureFromAnotherToken() {
        assertFalse(CallbackSignature.matches(V1_SIGNATURE, TOKEN + "x", V1_TIMESTAMP, V1_NONCE, V1_ECHOSTR));
    }

    @Test
    void rejectsTamperedCiphertext() {
        String tampered = "Q" + V1_ECHOSTR.substring(1);
        assertFalse(CallbackSignature.matches(V1_SIGNATURE, TOKEN, V1_TIMESTAMP, V1_NONCE, tampered));
    }
}
