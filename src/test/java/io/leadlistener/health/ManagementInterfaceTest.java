package io.leadlistener.health;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20: health, metrics and the OpenAPI document are served by the management interface on a port of their own
 * (9000 when deployed), never on the public port that an ingress publishes — the port that keeps only the callback,
 * the ingestion and admin APIs and the console.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ManagementInterfaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/health/well",
            "/q/metrics", "/q/openapi"})
    void isServedOnTheManagementPortOnly(String path) {
        management().when().get(path).then().statusCode(200);
        given().when().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/wecom/callback/demo", "/console/console.js"})
    void theCallbackAndTheConsoleStayOnThePublicPort(String path) {
        given().when().get(path).then().statusCode(not(404));
        management().when().get(path).then().statusCode(404);
    }
}
