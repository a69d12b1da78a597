package io.leadlistener.admin.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ConsoleSessionApiTest {

    private static final String DRY_RUN = "{\"text\": \"麻烦报个价\", \"tenant\": \"demo\"}";

    @Test
    void wrongTokenIsRefusedAndNoPageWorksWithoutSignIn() {
        given().redirects().follow(false).when().get("/console").then().statusCode(303)
                .header("Location", containsString("/console/login"));
        given().formParam("token", "not-a-token").when().post("/console/login").then().statusCode(401)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        given().cookie(ConsoleSessions.COOKIE, "Zm9v.9999999999.forged").when()
                .get("/api/v1/tenants/demo/intent-rules/versions").then().statusCode(401)
                .body("detail", containsString("console session"));
    }

    @Inject
    ConsoleSessions sessions;

    @Test
    void aSessionEndsWithItsTokenWhenTheTokenIsNoLongerConfigured() {
        // Validly signed and unexpired, but for a token name that is not (or no longer) configured.
        String orphan = sessions.issue("removed-admin");
        given().cookie(ConsoleSessions.COOKIE, orphan).when().get("/api/v1/tenants/demo/intent-rules/versions")
                .then().statusCode(401).body("detail", containsString("console session"));
        given().cookie(ConsoleSessions.COOKIE, sessions.issue("test-admin")).when()
                .get("/api/v1/tenants/demo/intent-rules/versions").then().statusCode(200);
    }

    @Test
    void sessionCookieAuthenticatesTheAdminApiAndStateChangesNeedTheCsrfToken() {
        Response login = given().redirects().follow(false).formParam("token", "test-admin-token").when()
                .post("/console/login");
        login.then().statusCode(303).header("Location", containsString("/console"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .header("Set-Cookie", containsString("Path=/"));
        String cookie = login.getCookie(ConsoleSessions.COOKIE);

        String page = given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/console").then().statusCode(200)
                .extract().asString();
        Matcher csrf = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        org.assertj.core.api.Assertions.assertThat(csrf.find()).as("page renders the CSRF token").isTrue();

        given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/api/v1/tenants/demo/intent-rules/versions")
                .then().statusCode(200);
        given().cookie(ConsoleSessions.COOKIE, cookie).contentType(ContentType.JSON).body(DRY_RUN).when()
                .post("/api/v1/intents/test").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-CSRF-Token"));
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", "wrong").contentType(ContentType.JSON)
                .body(DRY_RUN).when().post("/api/v1/intents/test").then().statusCode(403);
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", csrf.group(1))
                .contentType(ContentType.JSON).body(DRY_RUN).when().post("/api/v1/intents/test").then()
                .statusCode(200).body("intents[0]", equalTo("quote"));
    }

    @Test
    void aSessionCanDoWhatItsCredentialCanOnItsTenantsAndNoMore() {
        Response login = given().redirects().follow(false).formParam("token", "test-demo-viewer-token").when()
                .post("/console/login");
        String cookie = login.then().statusCode(303).extract().cookie(ConsoleSessions.COOKIE);
        String session = sessions.verify(cookie).orElseThrow().csrfToken();

        given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/console").then().statusCode(200)
                .body(containsString("demo-viewer"));
        given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/api/v1/tenants/demo/intent-rules/versions")
                .then().statusCode(200);
        given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/api/v1/tenants/lab/intent-rules/versions")
                .then().statusCode(403).body("missingTenant", equalTo("lab"));
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", session).when()
                .delete("/api/v1/tenants/demo/intent-rules/draft").then().statusCode(403)
                .body("missingRole", equalTo("editor"))
                .body("detail", equalTo("this route needs the editor role; credential 'demo-viewer' has viewer"));
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", session).contentType(ContentType.JSON)
                .body(DRY_RUN).when().post("/api/v1/intents/test").then().statusCode(200);
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", session).contentType(ContentType.JSON)
                .body("{\"text\": \"报价\", \"tenant\": \"lab\"}").when().post("/api/v1/intents/test").then()
                .statusCode(403).body("missingTenant", equalTo("lab"));
    }

    @Test
    void logoutClearsTheCookie() {
        given().redirects().follow(false).when().post("/console/logout").then().statusCode(303)
                .header("Location", containsString("/console/login"))
                .header("Set-Cookie", containsString(ConsoleSessions.COOKIE + "=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }
}
