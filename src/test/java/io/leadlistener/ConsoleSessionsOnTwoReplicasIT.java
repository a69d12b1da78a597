package io.leadlistener;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.ConsoleSignIn;
import io.leadlistener.testsupport.PackagedApp;
import io.leadlistener.testsupport.PackagedAppEnvironment;
import io.leadlistener.testsupport.PackagedAppEnvironment.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21: console sessions live in PostgreSQL, so a session begun on one replica works on the other, and signing
 * out on one ends it on both — a copy of the cookie is dead everywhere at once.
 */
@ExtendWith(PackagedAppEnvironment.class)
class ConsoleSessionsOnTwoReplicasIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String TOKEN = "console-two-replicas-token-0123456789abcdef";
    private static final String SESSION_KEY = "console-two-replicas-session-key-0123456789";
    private static final String VERSIONS = "/api/v1/tenants/demo/intent-rules/versions";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionWorksOnBothReplicasAndSigningOutOnOneEndsItOnBoth(Scope scope) throws Exception {
        Map<String, String> config = new HashMap<>(scope.applicationConfig());
        config.put("leadlistener.admin.credentials.salesops.token", TOKEN);
        config.put("leadlistener.admin.credentials.salesops.role", "editor");
        config.put("leadlistener.admin.credentials.salesops.tenants", "demo");
        config.put("leadlistener.console.session-key", SESSION_KEY);
        PackagedApp a = null;
        PackagedApp b = null;
        try {
            a = PackagedApp.launch(scope.name() + "-a", config);
            b = PackagedApp.launch(scope.name() + "-b", config);
            a.awaitReady(START);
            b.awaitReady(START);

            String session = signIn(a.baseUri());
            assertThat(get(b.baseUri(), VERSIONS, session).statusCode()).as("the session on the other replica").isEqualTo(200);
            String csrf = csrfOfPage(b.baseUri(), session);

            HttpResponse<String> signOut = post(a.baseUri(), "/console/logout", Map.of("csrf", csrf),
                    "ll_console=" + session);
            assertThat(signOut.statusCode()).isEqualTo(303);

            assertThat(get(b.baseUri(), VERSIONS, session).statusCode()).as("signed out on a, used on b").isEqualTo(401);
            assertThat(get(a.baseUri(), VERSIONS, session).statusCode()).isEqualTo(401);
        } finally {
            if (a != null) {
                a.stop();
            }
            if (b != null) {
                b.stop();
            }
        }
    }

    private String signIn(URI app) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(app.resolve("/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfCookie = cookie(form, ConsoleSignIn.LOGIN_CSRF_COOKIE);
        HttpResponse<String> signedIn = post(app, "/console/login",
                Map.of("csrf", ConsoleSignIn.formCsrf(form.body()), "token", TOKEN),
                ConsoleSignIn.LOGIN_CSRF_COOKIE + "=" + csrfCookie);
        assertThat(signedIn.statusCode()).as("sign-in: %s", signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(header -> assertThat(header)
                .startsWith("ll_console=").contains("Secure", "HttpOnly", "SameSite=Strict"));
        return cookie(signedIn, "ll_console");
    }

    private String csrfOfPage(URI app, String session) throws IOException, InterruptedException {
        return ConsoleSignIn.pageCsrf(get(app, "/console", session).body());
    }

    private HttpResponse<String> get(URI app, String path, String session) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(app.resolve(path)).header("Cookie", "ll_console=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI app, String path, Map<String, String> form, String cookie)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(app.resolve(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return ConsoleSignIn.setCookie(response.headers().allValues("Set-Cookie"), name)
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }
}
