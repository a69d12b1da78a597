package io.leadlistener.admin.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.testsupport.ConsoleSignIn;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.LocalOidcProvider;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a local OpenID Connect provider (a real HTTP server, LocalOidcProvider): the code flow ends
 * in a console session whose role and tenants come from the ID token's claims.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@TestProfile(ConsoleSingleSignOnTest.SingleSignOnOn.class)
class ConsoleSingleSignOnTest {

    public static class SingleSignOnOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Provider.class));
        }
    }

    /** Starts the provider and points Quarkus OIDC at it. */
    public static class Provider implements QuarkusTestResourceLifecycleManager {
        static LocalOidcProvider provider;

        @Override
        public Map<String, String> start() {
            provider = new LocalOidcProvider();
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", provider.issuer(),
                    "quarkus.oidc.client-id", LocalOidcProvider.CLIENT_ID,
                    "quarkus.oidc.credentials.secret", LocalOidcProvider.CLIENT_SECRET);
        }

        @Override
        public void stop() {
            provider.close();
        }
    }

    @TestHTTPResource("/")
    URI app;

    @Test
    void anEditorOfDemoFromTheIdentityProviderGetsASessionThatCanDoWhatTheClaimsSay() throws Exception {
        Provider.provider.signInNext(Map.of("sub", "u-1", "preferred_username", "lihua",
                "leadlistener_role", List.of("viewer", "editor"), "leadlistener_tenants", List.of("demo")));

        String session = signInThroughTheProvider().orElseThrow();

        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200)
                .body(containsString("sso:lihua"));
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/v1/tenants/demo/intent-rules/versions").then()
                .statusCode(200);
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/v1/tenants/lab/intent-rules/versions").then()
                .statusCode(403).body("missingTenant", equalTo("lab"));
        given().cookie(ConsoleSessions.COOKIE, session).header(ConsoleSessions.CSRF_HEADER, csrfOf(session))
                .post("/api/v1/tenants/demo/inbox/parked/replay").then().statusCode(403)
                .body("missingRole", equalTo("operator")).body("credentialRole", equalTo("editor"));
    }

    @Test
    void anAdminClaimActsOnEveryTenantAndTheLoginPageOffersSingleSignOn() throws Exception {
        given().get("/console/login").then().statusCode(200).body(containsString("id=\"sign-in-sso\""));
        Provider.provider.signInNext(Map.of("sub", "u-2", "preferred_username", "root-ops", "leadlistener_role", "admin"));

        String session = signInThroughTheProvider().orElseThrow();

        given().cookie(ConsoleSessions.COOKIE, session).get("/api/v1/tenants/lab/intent-rules/versions").then()
                .statusCode(200);
    }

    @Test
    void aTokenWithoutARoleClaimGetsNoSessionAndIsToldWhichClaimToSet() throws Exception {
        Provider.provider.signInNext(Map.of("sub", "u-3", "preferred_username", "guest"));

        HttpResponse<String> last = walkTheCodeFlow();

        assertThat(last.statusCode()).isEqualTo(403);
        assertThat(last.body()).contains("'leadlistener_role' claim names no role");
        assertThat(cookie(last, ConsoleSessions.COOKIE)).isEmpty();
    }

    @Test
    void theIdentityProvidersSessionIsNotKeptSoSigningInAgainGoesThroughTheProvider() throws Exception {
        Provider.provider.signInNext(Map.of("sub", "u-4", "preferred_username", "wangwu",
                "leadlistener_role", "viewer", "leadlistener_tenants", "demo"));
        HttpClient browser = browser();
        assertThat(cookie(walkTheCodeFlow(browser), ConsoleSessions.COOKIE)).isPresent();

        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(app.resolve("/console/sso")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).startsWith(Provider.provider.issuer());
    }

    private Optional<String> signInThroughTheProvider() throws IOException, InterruptedException {
        HttpResponse<String> last = walkTheCodeFlow();
        assertThat(last.statusCode()).as("end of the code flow: %s", last.body()).isEqualTo(303);
        assertThat(last.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
        return cookie(last, ConsoleSessions.COOKIE);
    }

    private HttpResponse<String> walkTheCodeFlow() throws IOException, InterruptedException {
        return walkTheCodeFlow(browser());
    }

    /** As a browser: /console/sso, to the provider, back with the code, until an answer that is not a 302. */
    private HttpResponse<String> walkTheCodeFlow(HttpClient browser) throws IOException, InterruptedException {
        URI next = app.resolve("/console/sso");
        for (int hop = 0; hop < 6; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                return response;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("the code flow did not end within 6 redirects");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private String csrfOf(String session) {
        return ConsoleSignIn.pageCsrf(given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().extract()
                .asString());
    }

    private static Optional<String> cookie(HttpResponse<String> response, String name) {
        return ConsoleSignIn.setCookie(response.headers().allValues("Set-Cookie"), name);
    }
}
