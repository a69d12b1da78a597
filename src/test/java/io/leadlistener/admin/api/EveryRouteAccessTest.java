package io.leadlistener.admin.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.admin.Role;
import io.leadlistener.ingest.api.IngestionApi;
import io.leadlistener.testsupport.RegisteredRoutes.Route;
import io.leadlistener.testsupport.RegisteredRoutes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every route the application registers (read from the REST server's routing tables) and checks who may use
 * it: without a credential 401, with another tenant's credential 403, with a role below the route's 403, and with
 * exactly the route's role it gets past the access check. A resource added without an authentication binding or a
 * {@link RequiredRole} fails here.
 */
@QuarkusTest
class EveryRouteAccessTest {

    /**
     * Routes outside the API that are public on purpose: signed WeCom callbacks, the console's sign-in, and the end of
     * its single sign-on (authenticated by Quarkus OIDC, quarkus.http.auth.permission.console-sso).
     */
    private static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /wecom/callback/{tenant}", "GET /wecom/callback/{tenant}/{callback}",
            "POST /wecom/callback/{tenant}", "POST /wecom/callback/{tenant}/{callback}",
            "GET /console", "GET /console/login", "POST /console/login", "POST /console/logout", "GET /console/sso");

    /** The test profile's credentials: each role on demo (and the unconfigured tenant 'nowhere'), one on lab only. */
    private static final Map<Role, String> ROLE_ON_DEMO = Map.of(Role.VIEWER, "test-demo-viewer-token",
            Role.EDITOR, "test-demo-editor-token", Role.OPERATOR, "test-demo-operator-token",
            Role.ADMIN, "test-admin-token");
    private static final String LAB_OPERATOR = "test-lab-operator-token";
    private static final String LAB_INGESTION = "test-lab-ingest-token";
    /** Configured for no tenant, but named in the demo credentials' tenants: past the access check, then 404. */
    private static final String NOWHERE = "nowhere";

    private static List<Route> routes;

    @BeforeAll
    static void readRoutes() {
        routes = RegisteredRoutes.all();
        assertThat(routes).as("the routing tables were read").hasSizeGreaterThan(30);
    }

    @Test
    void every_route_is_an_admin_or_ingestion_route_or_public_on_purpose() {
        Set<String> unbound = routes.stream()
                .filter(route -> !route.carries(AdminApi.class) && !route.carries(IngestionApi.class))
                .map(Route::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unbound).as("routes without @AdminApi or @IngestionApi").isEqualTo(new TreeSet<>(PUBLIC_ROUTES));
    }

    @Test
    void every_admin_route_declares_the_role_it_needs() {
        assertThat(adminRoutes()).allSatisfy(route -> assertThat(route.method().getAnnotation(RequiredRole.class))
                .as("@RequiredRole on %s (%s)", route, route.method()).isNotNull());
    }

    /**
     * The matrix of docs/configuration.md, as rules over method and path, so that lowering a route's role fails too:
     * reads need viewer, replays and a contact's erasure operator, the two read-only POSTs (dry run, impact preview)
     * viewer, every other change editor.
     */
    @Test
    void the_roles_follow_the_documented_matrix() {
        Set<String> readOnlyPosts = Set.of("POST /api/v1/intents/test", "POST /api/v1/tenants/{tenant}/intent-rules/draft/impact");
        for (Route route : adminRoutes()) {
            Role expected = route.httpMethod().equals("GET") || readOnlyPosts.contains(route.toString()) ? Role.VIEWER
                    : route.path().contains("replay") || route.path().endsWith("/erasure") ? Role.OPERATOR
                    : Role.EDITOR;
            assertThat(route.method().getAnnotation(RequiredRole.class).value()).as("role of %s", route)
                    .isEqualTo(expected);
        }
    }

    @Test
    void without_a_credential_every_api_route_answers_401() {
        for (Route route : apiRoutes()) {
            call(given(), route, "demo").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"wecom-lead-listener\"");
        }
    }

    @Test
    void with_an_unknown_token_every_api_route_answers_401() {
        for (Route route : apiRoutes()) {
            call(given().auth().oauth2("not-a-token-of-anyone-here"), route, "demo").then().statusCode(401);
        }
    }

    @Test
    void another_tenants_credential_gets_403_naming_the_tenant_on_every_route() {
        for (Route route : adminRoutes()) {
            call(given().auth().oauth2(LAB_OPERATOR), route, "demo").then()
                    .statusCode(403)
                    .body("type", equalTo("urn:problem-type:wecom-lead-listener:tenant-not-permitted"))
                    .body("missingTenant", equalTo("demo"));
        }
        for (Route route : ingestionRoutes()) {
            call(given().auth().oauth2(LAB_INGESTION), route, "demo").then().statusCode(403);
        }
    }

    @Test
    void a_role_below_the_routes_gets_403_naming_the_role() {
        for (Route route : adminRoutes()) {
            Role required = route.method().getAnnotation(RequiredRole.class).value();
            if (required == Role.VIEWER) {
                continue;
            }
            Role below = Role.values()[required.ordinal() - 1];
            call(given().auth().oauth2(ROLE_ON_DEMO.get(below)), route, NOWHERE).then()
                    .statusCode(403)
                    .body("type", equalTo("urn:problem-type:wecom-lead-listener:role-insufficient"))
                    .body("missingRole", equalTo(required.id()))
                    .body("credentialRole", equalTo(below.id()));
        }
    }

    @Test
    void exactly_the_routes_role_gets_past_the_access_check() {
        for (Route route : adminRoutes()) {
            Role required = route.method().getAnnotation(RequiredRole.class).value();
            Response response = call(given().auth().oauth2(ROLE_ON_DEMO.get(required)), route, NOWHERE);
            assertThat(response.statusCode()).as("%s with the %s role on an unknown tenant: %s", route, required.id(),
                    response.asString()).isIn(400, 404, 409, 415);
        }
    }

    @Test
    void the_default_rule_set_is_read_by_anyone_and_changed_only_by_an_admin() {
        given().auth().oauth2(ROLE_ON_DEMO.get(Role.VIEWER)).get("/api/v1/tenants/default/intent-rules").then()
                .statusCode(200);
        given().auth().oauth2("test-all-editor-token").contentType(ContentType.JSON)
                .body(Map.of("intent", "quote", "kind", "keyword", "keyword", "询价单")).when()
                .post("/api/v1/tenants/default/intent-rules").then()
                .statusCode(403)
                .body("missingRole", equalTo("admin"))
                .body("detail", equalTo("changing the shared 'default' rule set needs the admin role; credential "
                        + "'all-editor' has editor"));
        given().auth().oauth2("test-all-editor-token").get("/api/v1/tenants/lab/intent-rules").then().statusCode(200);
    }

    private static List<Route> apiRoutes() {
        return routes.stream().filter(route -> route.path().startsWith("/api/v1/")).toList();
    }

    private static List<Route> adminRoutes() {
        return routes.stream().filter(route -> route.carries(AdminApi.class)).toList();
    }

    private static List<Route> ingestionRoutes() {
        return routes.stream().filter(route -> route.carries(IngestionApi.class)).toList();
    }

    /**
     * Calls the route on a tenant: in the path where it has one, in the body otherwise (the dry run, ingestion).
     * Other path parameters get placeholder values; bodies are valid enough that nothing before the access check
     * refuses them.
     */
    private static Response call(RequestSpecification request, Route route, String tenant) {
        String path = route.expand(name -> name.equals("tenant") ? tenant : "1");
        if (!route.httpMethod().equals("GET") && !route.httpMethod().equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body(body(route, tenant));
        }
        return request.when().request(route.httpMethod(), path);
    }

    private static Object body(Route route, String tenant) {
        if (route.carries(IngestionApi.class)) {
            Map<String, String> message = Map.of("tenant", tenant, "contactId", "walker", "messageId",
                    "walk-" + System.nanoTime(), "text", "报价多少", "sentAt", Instant.now().toString(),
                    "channel", "archive");
            return route.path().endsWith("/batch") ? Map.of("messages", List.of(message)) : message;
        }
        return Map.of("tenant", tenant, "text", "报价多少");
    }
}
