package io.leadlistener.callback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.CallbackSecret;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A callback's previous Token/EncodingAESKey is accepted next to the current one until its configured instant
 * ({@code lab}: until 2099), and refused after it ({@code demo/contacts}: ended in 2020).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class SecretRotationTest {

    private static final CallbackSecret LAB_PREVIOUS =
            CallbackSecret.of("OldLabTok3n", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
    private static final CallbackSecret CONTACTS_EXPIRED =
            CallbackSecret.of("ExpiredTok3n", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");

    @Test
    void bothTheCurrentAndThePreviousSecretAreAcceptedDuringTheRotation() {
        for (CallbackSecret secret : new CallbackSecret[] {WeComSimulator.DEMO_SECRET, LAB_PREVIOUS}) {
            SignedCallback echo = sign(secret, "rotation-echo");
            given().queryParams(echo.queryParameters()).queryParam("echostr", echo.encrypt())
                    .when().get("/wecom/callback/lab").then().statusCode(200).body(equalTo("rotation-echo"));
            SignedCallback message = sign(secret,
                    WeComSimulator.textMessage("rotating", "你好", WeComSimulator.nextMsgId()));
            given().queryParams(message.queryParameters()).body(message.envelopeXml("1000002"))
                    .when().post("/wecom/callback/lab").then().statusCode(200).body(emptyString());
        }
    }

    @Test
    void thePreviousSecretIsRefusedOnceItsTimeIsOver() {
        SignedCallback expired = sign(CONTACTS_EXPIRED, "too-late");
        given().queryParams(expired.queryParameters()).queryParam("echostr", expired.encrypt())
                .when().get("/wecom/callback/demo/contacts").then().statusCode(401)
                .contentType("application/problem+json");

        SignedCallback current = sign(WeComSimulator.CONTACTS_SECRET, "in-time");
        given().queryParams(current.queryParameters()).queryParam("echostr", current.encrypt())
                .when().get("/wecom/callback/demo/contacts").then().statusCode(200).body(equalTo("in-time"));
    }

    private static SignedCallback sign(CallbackSecret secret, String plaintext) {
        return WeComSimulator.sign(secret, WeComSimulator.DEMO_CORP_ID, plaintext, Instant.now().getEpochSecond());
    }
}
