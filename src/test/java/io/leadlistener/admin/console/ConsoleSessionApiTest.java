package io.leadlistener.admin.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.testsupport.ConsoleSignIn;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ConsoleSessionApiTest {

    private static final String DRY_RUN = "{\"text\": \"麻烦报个价\", \"tenant\": \"demo\"}";
    private static final String VERSIONS = "/api/v1/tenants/demo/intent-rules/versions";

    @Inject
    ConsoleSessions sessions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void wrongTokenIsRefusedAndNoPageWorksWithoutSignIn() {
        given().redirects().follow(false).when().get("/console").then().statusCode(303)
                .header("Location", containsString("/console/login"));
        Response refused = ConsoleSignIn.submit(RestAssured::given, "not-a-token");
        refused.then().statusCode(401).body(containsString("id=\"login-error\""));
        assertThat(refused.getCookies()).doesNotContainKey(ConsoleSessions.COOKIE);
        given().cookie(ConsoleSessions.COOKIE, "Zm9v.forged").when().get(VERSIONS).then().statusCode(401)
                .body("detail", containsString("console session"));
    }

    @Test
    void theSignInFormNeedsItsOwnCsrfTokenSoNoOtherSiteCanSignSomeoneIn() {
        ConsoleSignIn.Form form = ConsoleSignIn.open(given());
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("token", "test-admin-token")
                .when().post("/console/login").then().statusCode(403).body(containsString("id=\"login-expired\""));
        given().redirects().follow(false).contentType(ContentType.URLENC).cookie(ConsoleSignIn.LOGIN_CSRF_COOKIE,
                        form.cookie()).formParam("csrf", form.field() + "x").formParam("token", "test-admin-token")
                .when().post("/console/login").then().statusCode(403);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("csrf", form.field())
                .formParam("token", "test-admin-token").when().post("/console/login").then().statusCode(403);
    }

    @Test
    void sessionCookieAuthenticatesTheAdminApiAndStateChangesNeedTheCsrfToken() {
        Response login = ConsoleSignIn.submit(RestAssured::given, "test-admin-token");
        login.then().statusCode(303).header("Location", containsString("/console"));
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(ConsoleSessions.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/", "Secure");
        String cookie = login.getCookie(ConsoleSessions.COOKIE);

        String csrf = csrfOfPage(cookie);
        given().cookie(ConsoleSessions.COOKIE, cookie).when().get(VERSIONS).then().statusCode(200);
        given().cookie(ConsoleSessions.COOKIE, cookie).contentType(ContentType.JSON).body(DRY_RUN).when()
                .post("/api/v1/intents/test").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-CSRF-Token"));
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", "wrong").contentType(ContentType.JSON)
                .body(DRY_RUN).when().post("/api/v1/intents/test").then().statusCode(403);
        given().cookie(ConsoleSessions.COOKIE, cookie).header("X-CSRF-Token", csrf)
                .contentType(ContentType.JSON).body(DRY_RUN).when().post("/api/v1/intents/test").then()
                .statusCode(200).body("intents[0]", equalTo("quote"));
    }

    @Test
    void signingOutNeedsTheSessionsCsrfTokenAndEndsTheSessionForEveryCopyOfTheCookie() {
        String cookie = ConsoleSignIn.submit(RestAssured::given, "test-admin-token").getCookie(ConsoleSessions.COOKIE);
        String csrf = csrfOfPage(cookie);

        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, cookie).contentType(ContentType.URLENC)
                .formParam("csrf", "forged").when().post("/console/logout").then().statusCode(403);
        given().cookie(ConsoleSessions.COOKIE, cookie).when().get(VERSIONS).then().statusCode(200);

        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, cookie).contentType(ContentType.URLENC)
                .formParam("csrf", csrf).when().post("/console/logout").then().statusCode(303)
                .header("Location", containsString("/console/login"))
                .header("Set-Cookie", containsString(ConsoleSessions.COOKIE + "=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
        // A copy of the cookie kept elsewhere (another tab, a stolen one) is dead too: the session ended server-side.
        given().cookie(ConsoleSessions.COOKIE, cookie).when().get(VERSIONS).then().statusCode(401);
        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, cookie).when().get("/console").then()
                .statusCode(303);
    }

    @Test
    void aSessionEndsWhenItsCredentialGetsANewTokenOrIsRemoved() throws Exception {
        String tokenChanged = ConsoleSignIn.submit(RestAssured::given, "test-admin-token").getCookie(ConsoleSessions.COOKIE);
        String removed = ConsoleSignIn.submit(RestAssured::given, "test-admin-token").getCookie(ConsoleSessions.COOKIE);
        given().cookie(ConsoleSessions.COOKIE, tokenChanged).when().get(VERSIONS).then().statusCode(200);

        // What a restart with a new token for test-admin looks like from the stored session's side.
        updateSession(tokenChanged, "update console_session set token_check = sha256(token_check) where id_hash = ?");
        updateSession(removed, "update console_session set credential_name = 'removed-admin' where id_hash = ?");

        given().cookie(ConsoleSessions.COOKIE, tokenChanged).when().get(VERSIONS).then().statusCode(401)
                .body("detail", containsString("console session"));
        given().cookie(ConsoleSessions.COOKIE, removed).when().get(VERSIONS).then().statusCode(401);
    }

    @Test
    void aSessionCanDoWhatItsCredentialCanOnItsTenantsAndNoMore() {
        String cookie = ConsoleSignIn.submit(RestAssured::given, "test-demo-viewer-token").then().statusCode(303)
                .extract().cookie(ConsoleSessions.COOKIE);
        String session = sessions.verify(cookie).orElseThrow().csrfToken();

        given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/console").then().statusCode(200)
                .body(containsString("demo-viewer"));
        given().cookie(ConsoleSessions.COOKIE, cookie).when().get(VERSIONS).then().statusCode(200);
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
    void logoutWithoutASessionJustClearsTheCookie() {
        given().redirects().follow(false).when().post("/console/logout").then().statusCode(303)
                .header("Location", containsString("/console/login"))
                .header("Set-Cookie", containsString(ConsoleSessions.COOKIE + "=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void consolePagesAndFilesForbidFramingInlineScriptSniffingAndForeignReferrers() {
        String cookie = ConsoleSignIn.submit(RestAssured::given, "test-admin-token").getCookie(ConsoleSessions.COOKIE);
        for (Response response : new Response[] {given().get("/console/login"),
                given().cookie(ConsoleSessions.COOKIE, cookie).get("/console"), given().get("/console/console.js"),
                given().get("/console/console.css")}) {
            response.then().statusCode(200)
                    .header("Content-Security-Policy", equalTo("default-src 'self'; frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
        given().cookie(ConsoleSessions.COOKIE, cookie).get("/console").then()
                .body(not(containsString("<script>"))).body(not(containsString("style=")));
    }

    private static String csrfOfPage(String cookie) {
        return ConsoleSignIn.pageCsrf(given().cookie(ConsoleSessions.COOKIE, cookie).when().get("/console").then()
                .statusCode(200).extract().asString());
    }

    private void updateSession(String cookie, String sql) throws Exception {
        byte[] id = Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.')));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, MessageDigest.getInstance("SHA-256").digest(id));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
