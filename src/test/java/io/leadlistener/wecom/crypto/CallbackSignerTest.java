package io.leadlistener.wecom.crypto;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CORP_ID;
import static io.leadlistener.wecom.crypto.WeComTestVectors.RANDOM16;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackSignerTest {

    private final SignedCallback textVector =
            CallbackSigner.sign(secret(), CORP_ID, TEXT_PLAINTEXT, 1_700_000_000L, TEXT_NONCE, RANDOM16);

    @Test
    void reproducesTheV2TextMessageVector() {
        assertEquals(new SignedCallback(CORP_ID, TEXT_ENCRYPT, TEXT_SIGNATURE, 1_700_000_000L, TEXT_NONCE), textVector);
    }

    @Test
    void exposesTheQueryParametersWeComSends() {
        assertEquals(Map.of("msg_signature", TEXT_SIGNATURE, "timestamp", "1700000000", "nonce", TEXT_NONCE),
                textVector.queryParameters());
    }

    @Test
    void writesTheEnvelopeInWeComsLayout() {
        assertEquals("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<AgentID><![CDATA[1000002]]></AgentID>"
                + "<Encrypt><![CDATA[" + TEXT_ENCRYPT + "]]></Encrypt></xml>", textVector.envelopeXml("1000002"));
        assertEquals("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<Encrypt><![CDATA[" + TEXT_ENCRYPT + "]]></Encrypt></xml>", textVector.envelopeXml());
    }

    @Test
    void keepsCdataWellFormedForAnyValue() {
        SignedCallback odd = new SignedCallback("a]]>b", "e", "s", 1, "n");

        assertEquals("<xml><ToUserName><![CDATA[a]]]]><![CDATA[>b]]></ToUserName>"
                + "<Encrypt><![CDATA[e]]></Encrypt></xml>", odd.envelopeXml());
    }
}
