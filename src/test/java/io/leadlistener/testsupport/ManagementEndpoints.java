package io.leadlistener.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to Quarkus's management interface from a {@code @QuarkusTest}: health, metrics and the OpenAPI document
 * are served there, on {@code quarkus.management.test-port} (Quarkus's default 9001, or what the command line sets),
 * and not on the public test port that RestAssured's own {@code given()} addresses.
 */
public final class ManagementEndpoints {

    private ManagementEndpoints() {
    }

    /** {@code given()} aimed at the management interface, e.g. {@code management().get("/q/health/ready")}. */
    public static RequestSpecification management() {
        return RestAssured.given().port(port());
    }

    /** The port the test application's management interface listens on. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
