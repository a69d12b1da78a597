package io.leadlistener.callback;

import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.CONTACT_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.FOREIGN_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_ENCRYPT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.TEXT_TIMESTAMP;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_ECHOSTR;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_NONCE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_PLAINTEXT;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_SIGNATURE;
import static io.leadlistener.wecom.crypto.WeComTestVectors.V1_TIMESTAMP;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.wecom.crypto.WeComTestVectors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published vectors end to end, with the service's clock set to the moment they were made. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class PublishedVectorsOverHttpTest {

    private static final String PATH = "/wecom/callback/demo";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void answersTheOfficialUrlVerificationVector() {
        useClockAt(V1_TIMESTAMP);

        given().queryParam("msg_signature", V1_SIGNATURE).queryParam("timestamp", V1_TIMESTAMP)
                .queryParam("nonce", V1_NONCE).queryParam("echostr", V1_ECHOSTR)
                .when().get(PATH)
                .then().statusCode(200).body(equalTo(V1_PLAINTEXT));
    }

    @Test
    void storesTheV2TextMessageAndRefusesItsForeignCorpTwin() {
        useClockAt(TEXT_TIMESTAMP);

        post(TEXT_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, TEXT_ENCRYPT).statusCode(200).body(emptyString());
        post(FOREIGN_SIGNATURE, TEXT_TIMESTAMP, TEXT_NONCE, FOREIGN_ENCRYPT).statusCode(403)
                .body("type", containsString("receiveid-mismatch"));

        List<Map<String, Object>> rows = new InboxRows(dataSource).rows("msg_id = ?", "7300000000000000001");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("payload")).isEqualTo(TEXT_PLAINTEXT);
    }

    @Test
    void storesTheV2ExternalContactEvent() {
        useClockAt(CONTACT_TIMESTAMP);

        post(CONTACT_SIGNATURE, CONTACT_TIMESTAMP, CONTACT_NONCE, CONTACT_ENCRYPT).statusCode(200);

        List<Map<String, Object>> rows = new InboxRows(dataSource).rows("contact_key = ?", "external:wmEAAAexample0001");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("change_type")).isEqualTo("add_external_contact");
        assertThat(rows.get(0).get("dedupe_key"))
                .isEqualTo("wx5823bf96d3bd56c7|change_external_contact|add_external_contact|zhangsan|wmEAAAexample0001|1700000100");
    }

    private static void useClockAt(String epochSecond) {
        Clock fixed = WeComTestVectors.clockAt(epochSecond);
        QuarkusMock.installMockForType(fixed, Clock.class);
    }

    private static io.restassured.response.ValidatableResponse post(String signature, String timestamp, String nonce,
                                                                    String encrypt) {
        return given().queryParam("msg_signature", signature).queryParam("timestamp", timestamp)
                .queryParam("nonce", nonce)
                .body("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + encrypt
                        + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>")
                .when().post(PATH).then();
    }
}
