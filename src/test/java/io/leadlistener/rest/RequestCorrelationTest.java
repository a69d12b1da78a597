package io.leadlistener.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every answer carries the request's correlation id: the caller's if sane, else a fresh one. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class RequestCorrelationTest {

    @Test
    void aSaneCallerIdIsEchoedAndUsed() {
        given().header("X-Request-Id", "gw-2026-11-23.abc:1").when().get("/api/v1/tenants/demo/routing")
                .then().statusCode(401).header("X-Request-Id", equalTo("gw-2026-11-23.abc:1"));
    }

    @Test
    void aMissingOrInsaneIdIsReplacedByAFreshOne() {
        String generated = given().when().get("/api/v1/tenants/demo/routing").then().statusCode(401)
                .extract().header("X-Request-Id");
        assertThat(UUID.fromString(generated)).isNotNull();

        String replaced = given().header("X-Request-Id", "evil INFO forged line " + "x".repeat(100))
                .when().get("/api/v1/tenants/demo/routing").then().statusCode(401).extract().header("X-Request-Id");
        assertThat(UUID.fromString(replaced)).isNotNull();
    }
}
