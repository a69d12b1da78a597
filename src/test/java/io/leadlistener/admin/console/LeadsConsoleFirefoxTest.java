package io.leadlistener.admin.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 线索 and 看板 screens in Debian's headless Firefox (ESR): a lead found by its owner shows its Chinese intent chips
 * and highlighted line, its timeline opens, and the dashboard's card counts what the stats API counts. The full
 * walk-through runs in Chromium ({@link LeadsConsoleBrowserTest}); this checks that nothing in the screens' scripts is
 * Chromium-only.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@ExtendWith(FirefoxAvailable.class)
class LeadsConsoleFirefoxTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/console")
    URL console;

    @Test
    void findsALeadOpensItsTimelineAndCountsItOnTheDashboard() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String owner = "ff-sales-" + tag;
        String customer = "ff-cust-" + tag;
        String leadId = LeadIds.leadId("demo", "api", "api:" + customer);
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON)
                .body(Map.of("tenant", "demo", "contactId", customer, "messageId", "ff-" + tag, "ownerUserId", owner,
                        "text", "想做你们的区域代理，报价多少"))
                .when().post("/api/v1/messages").then().statusCode(202);
        Awaitility.await().atMost(WAIT).until(() -> given().auth().oauth2("test-admin-token").when()
                .get("/api/v1/tenants/demo/leads/" + leadId).then().extract().statusCode() == 200);

        try (FirefoxBiDi firefox = FirefoxBiDi.start()) {
            firefox.navigate(console.toString());
            firefox.waitUntil("location.pathname === '/console/login'", WAIT);
            firefox.evaluate("document.getElementById('token').value = 'test-demo-viewer-token';"
                    + " document.getElementById('sign-in').click(); true");
            firefox.waitUntil("document.getElementById('user')?.textContent === 'demo-viewer'", WAIT);
            assertThat(firefox.evaluate("[...document.getElementById('tenant').options].map(o => o.value).join()")
                    .asText()).isEqualTo("demo");

            firefox.evaluate("document.getElementById('leads-owner').value = '" + owner + "';"
                    + " document.getElementById('leads-apply').click(); true");
            String row = "document.querySelector(\"#leads-body tr[data-lead-id='" + leadId + "']\")";
            firefox.waitUntil(row + " && document.querySelectorAll('#leads-body tr').length === 1", WAIT);
            assertThat(firefox.evaluate("[..." + row + ".querySelectorAll('.chip')].map(c => c.textContent).join('|')")
                    .asText()).contains("报价 1", "代理加盟 1");
            assertThat(firefox.evaluate("[..." + row + ".querySelectorAll('.last-line mark')].map(m => m.textContent)"
                    + ".join('|')").asText()).contains("报价");

            firefox.evaluate(row + ".click(); true");
            firefox.waitUntil("document.querySelectorAll('#timeline-list li[data-kind=message]').length === 1", WAIT);
            assertThat(firefox.evaluate("document.querySelector('#timeline-list li[data-kind=message]').textContent")
                    .asText()).contains("想做你们的区域代理", "代理加盟");

            long messages = given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/stats"
                            + "?bucket=day&zone=Asia/Shanghai&from=" + java.time.Instant.now().minus(Duration.ofDays(29))
                            + "&to=" + java.time.Instant.now()).then().statusCode(200).extract().jsonPath()
                    .getLong("totals.messagesTagged.total");
            firefox.evaluate("location.hash = '#dashboard'; true");
            firefox.waitUntil("document.querySelector('#kpi-messages .card-value')", WAIT);
            assertThat(firefox.evaluate("document.querySelector('#kpi-messages .card-value').textContent").asText())
                    .isEqualTo(Long.toString(messages));
            assertThat(firefox.evaluate("document.querySelectorAll('#dashboard-chart rect').length").asInt())
                    .isPositive();
        }
    }
}
