package io.leadlistener.admin.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The 线索 and 看板 screens in a real headless Chromium, as a viewer of one tenant sees them: the tenant picker offers
 * only that tenant, a customer's messages become a lead row with Chinese intent labels, the matched words highlighted
 * and the time in Asia/Shanghai, its timeline in order, and the dashboard shows the numbers the stats API answers.
 * Screenshots go to target/console-screenshots (copied to docs/console/).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadsConsoleBrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(SHANGHAI);

    @TestHTTPResource("/console")
    URL console;

    @Inject
    AgroalDataSource dataSource;

    private WebDriver browser;
    private WebDriverWait wait;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String owner = "sales-" + tag;
    private final String customer = "cust-" + tag;
    private final String leadId = LeadIds.leadId("demo", "api", "api:" + customer);
    private final String keyword = "看板词" + tag;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = ChromiumBrowser.start(1366, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    void stopBrowser() {
        new InboxRows(dataSource).update("delete from lead_stats_hourly where tenant_id = 'demo' and key = ?", keyword);
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aViewerPicksOnlyAmongTheirTenants() {
        seed();
        browser.get(console.toString());
        wait.until(ExpectedConditions.urlContains("/console/login"));
        browser.findElement(By.id("token")).sendKeys("test-demo-viewer-token");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBe(By.id("user"), "demo-viewer"));
        List<String> tenants = new Select(browser.findElement(By.id("tenant"))).getOptions().stream()
                .map(option -> option.getAttribute("value")).toList();
        assertThat(tenants).as("demo-viewer holds demo and 'nowhere', which is not configured").containsExactly("demo");
        assertThat(browser.findElement(By.id("nav-leads")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.id("screen-dashboard")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void theLeadListFiltersByOwnerAndShowsTheLineInChinese() throws Exception {
        WebElement ownerFilter = browser.findElement(By.id("leads-owner"));
        ownerFilter.sendKeys(owner);
        browser.findElement(By.id("leads-apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#leads-body tr[data-lead-id='" + leadId + "']")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#leads-body tr"), 1));
        assertThat(rowTexts(".chip"))
                .containsExactly("报价 1", "样品需求 1");
        assertThat(rowText(".last-line")).isEqualTo("可以先寄两个样品吗");
        assertThat(rowTexts(".last-line mark")).contains("样品");
        JsonPath lead = given().auth().oauth2("test-admin-token").when()
                .get("/api/v1/tenants/demo/leads/" + leadId).then().statusCode(200).extract().jsonPath();
        assertThat(rowText("time")).as("local time in Asia/Shanghai")
                .isEqualTo(LOCAL_TIME.format(Instant.parse(lead.getString("lead.lastSeenAt"))));
        assertThat(rowText(".ago")).as("and how long ago")
                .matches(".*(前|现在)");
        assertThat(rowText(null)).contains("接入 API").doesNotContain("quote");
        screenshot("leads");

        // An owner nobody has: the empty state says what to do next.
        ownerFilter.clear();
        ownerFilter.sendKeys("nobody-" + tag);
        browser.findElement(By.id("leads-apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leads-status"), "还没有符合条件的线索"));
        ownerFilter.clear();
        ownerFilter.sendKeys(owner);
        browser.findElement(By.id("leads-apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#leads-body tr[data-lead-id='" + leadId + "']")));
    }

    @Test
    @Order(3)
    void aLeadsTimelineShowsItsMessagesAndEventsInOrder() throws Exception {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#leads-body tr[data-lead-id='" + leadId + "']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-list li")));
        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline-list li"));
        assertThat(entries.stream().map(entry -> entry.getAttribute("data-kind")).toList())
                .containsExactly("message", "event", "event", "message", "event");
        assertThat(entries.get(0).getText()).contains("消息", "你好，能给个报价吗？", "报价");
        assertThat(entries.get(0).findElement(By.cssSelector("mark")).getText()).isEqualTo("报价");
        assertThat(entries.get(1).getText()).contains("线索已创建");
        assertThat(entries.get(2).getText()).contains("意图已标记");
        assertThat(entries.get(3).findElements(By.cssSelector("mark")).stream().map(WebElement::getText).toList())
                .contains("样品");
        assertThat(browser.findElement(By.id("timeline-title")).getText()).isEqualTo("api:" + customer);
        screenshot("lead-timeline");
    }

    @Test
    @Order(4)
    void theDashboardShowsWhatTheStatsApiCounts() throws Exception {
        browser.findElement(By.id("nav-dashboard")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screen-dashboard")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#top-keywords tbody tr")));
        Instant now = Instant.now();
        JsonPath totals = given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/stats?bucket=day"
                + "&zone=Asia/Shanghai&from=" + now.minus(29, ChronoUnit.DAYS) + "&to=" + now).then().statusCode(200)
                .extract().jsonPath().setRootPath("totals");
        assertThat(number("#kpi-messages .card-value")).isEqualTo(totals.getLong("messagesTagged.total"));
        assertThat(number("#kpi-leads .card-value")).isEqualTo(totals.getLong("leadsCreated.total"));
        assertThat(number("#kpi-alerts .card-value")).isEqualTo(totals.getLong("alertsSent"));
        long quoteInChart = browser.findElements(By.cssSelector("#dashboard-chart rect[data-intent='quote']")).stream()
                .mapToLong(bar -> Long.parseLong(bar.getAttribute("data-count"))).sum();
        assertThat(quoteInChart).as("the chart's quote bars add up").isEqualTo(
                totals.getLong("messagesTagged.byIntent.quote"));
        assertThat(browser.findElement(By.cssSelector("#dashboard-chart .legend")).getText()).contains("报价", "样品需求");
        WebElement first = browser.findElement(By.cssSelector("#top-keywords tbody tr"));
        assertThat(first.getAttribute("data-keyword")).isEqualTo(keyword);
        assertThat(first.getText()).contains("1000000");
        screenshot("dashboard");

        new Select(browser.findElement(By.id("dashboard-measure"))).selectByValue("leadsCreated");
        long leadsInChart = browser.findElements(By.cssSelector("#dashboard-chart rect")).stream()
                .mapToLong(bar -> Long.parseLong(bar.getAttribute("data-count"))).sum();
        assertThat(leadsInChart).as("leads per day by intent (a lead with two intents counts under both)")
                .isEqualTo(totals.getMap("leadsCreated.byIntent").values().stream()
                        .mapToLong(value -> ((Number) value).longValue()).sum());
    }

    @Test
    @Order(5)
    void theLeadListIsUsableOnAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.findElement(By.id("nav-leads")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#leads-body tr[data-lead-id='" + leadId + "']")));
        assertThat(row.findElement(By.cssSelector(".last-line")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#leads-table thead th")).stream().filter(WebElement::isDisplayed)
                .count()).as("owner, pool and channel fold away").isEqualTo(4);
        screenshot("leads-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    /** A customer's two lines, and a keyword counted more than any other this hour. */
    private void seed() {
        // One after the other, each published before the next arrives: the timeline's order is then known.
        ingest("m1-" + tag, "你好，能给个报价吗？");
        awaitEvents(2);
        ingest("m2-" + tag, "可以先寄两个样品吗");
        awaitEvents(3);
        // A keyword counted more often than any other this hour, so it heads the dashboard's list.
        new InboxRows(dataSource).update("insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key,"
                + " shard, value) values ('demo', ?, 'messages_tagged', 'keyword', ?, 15, 1000000)",
                Timestamp.from(Instant.now().truncatedTo(ChronoUnit.HOURS)), keyword);
    }

    private void awaitEvents(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath detail = given().auth().oauth2("test-admin-token").when()
                    .get("/api/v1/tenants/demo/leads/" + leadId).then().extract().jsonPath();
            return detail.getList("timeline") != null
                    && detail.getList("timeline.findAll { it.kind == 'event' }").size() == count;
        });
    }

    private long number(String css) {
        return Long.parseLong(browser.findElement(By.cssSelector(css)).getText().replaceAll("\\D", ""));
    }

    private void ingest(String messageId, String text) {
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON)
                .body(Map.of("tenant", "demo", "contactId", customer, "messageId", messageId, "ownerUserId", owner,
                        "text", text))
                .when().post("/api/v1/messages").then().statusCode(202);
    }

    private void screenshot(String name) throws Exception {
        ChromiumBrowser.screenshot(browser, name);
    }

    /**
     * The texts of the elements {@code css} selects in the lead's row as it is now: the list is rendered anew whenever
     * an answer comes in, so a row found before may be gone by the time it is read (CI saw that); found again on each
     * try.
     */
    private List<String> rowTexts(String css) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> driver
                .findElement(By.cssSelector("#leads-body tr[data-lead-id='" + leadId + "']"))
                .findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** The text of the element {@code css} selects in the lead's row (the whole row's for null), read as above. */
    private String rowText(String css) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            WebElement row = driver.findElement(By.cssSelector("#leads-body tr[data-lead-id='" + leadId + "']"));
            return (css == null ? row : row.findElement(By.cssSelector(css))).getText();
        });
    }
}
