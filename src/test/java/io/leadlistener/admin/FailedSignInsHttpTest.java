package io.leadlistener.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.leadlistener.testsupport.ConsoleSignIn;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Token guessing over HTTP: three failures a minute here, each test from its own client address (the test profile
 * trusts {@code X-Forwarded-For}, as docs/operations.md sets it up behind an ingress).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@TestProfile(FailedSignInsHttpTest.ThreeFailuresAMinute.class)
class FailedSignInsHttpTest {

    private static final String RULES = "/api/v1/tenants/demo/intent-rules";

    public static class ThreeFailuresAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadlistener.admin.failed-sign-ins.max-per-window", "3",
                    "leadlistener.admin.failed-sign-ins.window", "1m",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void after_three_wrong_admin_tokens_even_the_right_one_waits_with_429_and_retry_after() {
        for (int i = 0; i < 3; i++) {
            from("198.51.100.1").auth().oauth2("wrong-token-" + i).get(RULES).then().statusCode(401);
        }

        from("198.51.100.1").auth().oauth2("test-admin-token").get(RULES).then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", both(greaterThanOrEqualTo("1")).and(lessThanOrEqualTo("60")))
                .body("type", equalTo("urn:problem-type:wecom-lead-listener:too-many-failed-sign-ins"))
                .body("detail", containsString("too many failed sign-ins from this client; try again in"));
        from("198.51.100.99").auth().oauth2("test-admin-token").get(RULES).then().statusCode(200);
    }

    @Test
    void wrong_ingestion_tokens_count_the_same_way() {
        for (int i = 0; i < 3; i++) {
            from("198.51.100.2").auth().oauth2("wrong-ingestion-" + i).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/messages").then().statusCode(401);
        }
        from("198.51.100.2").auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/messages").then().statusCode(429).header("Retry-After", not(equalTo(null)));
    }

    @Test
    void the_console_sign_in_form_says_how_long_to_wait() {
        for (int i = 0; i < 3; i++) {
            ConsoleSignIn.submit(() -> from("198.51.100.3"), "guess-" + i).then().statusCode(401);
        }
        ConsoleSignIn.submit(() -> from("198.51.100.3"), "test-admin-token").then()
                .statusCode(429)
                .contentType(ContentType.HTML)
                .header("Retry-After", not(equalTo(null)))
                .body(containsString("id=\"login-throttled\""));
    }

    @Test
    void requests_without_any_token_are_not_guesses() {
        for (int i = 0; i < 5; i++) {
            from("198.51.100.4").get(RULES).then().statusCode(401);
        }
        from("198.51.100.4").auth().oauth2("test-admin-token").get(RULES).then().statusCode(200);
    }

    @Test
    void a_signed_session_that_keeps_sending_a_wrong_csrf_token_waits_too() {
        String cookie = ConsoleSignIn.submit(() -> from("198.51.100.5"), "test-demo-editor-token").then()
                .statusCode(303).extract().cookie(ConsoleSessions.COOKIE);
        for (int i = 0; i < 3; i++) {
            // Each from another address: the limit follows the credential, not the address.
            from("198.51.100." + (10 + i)).cookie(ConsoleSessions.COOKIE, cookie).header(ConsoleSessions.CSRF_HEADER, "x")
                    .contentType(ContentType.JSON).body("{}").delete(RULES + "/draft").then().statusCode(403);
        }
        from("198.51.100.20").cookie(ConsoleSessions.COOKIE, cookie).get(RULES).then().statusCode(429);
    }

    @Test
    void wecom_callbacks_are_signed_and_never_held_back() {
        for (int i = 0; i < 3; i++) {
            from("198.51.100.6").auth().oauth2("wrong-" + i).get(RULES).then().statusCode(401);
        }
        from("198.51.100.6").auth().oauth2("test-admin-token").get(RULES).then().statusCode(429);
        from("198.51.100.6").queryParam("msg_signature", "0").queryParam("timestamp", "1").queryParam("nonce", "n")
                .queryParam("echostr", "x").get("/wecom/callback/demo").then().statusCode(not(equalTo(429)));
    }

    private static RequestSpecification from(String clientAddress) {
        return given().header("X-Forwarded-For", clientAddress);
    }
}
