package io.leadlistener.admin.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
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
 * The rules console in a real headless Chromium: sign in, add a keyword to the draft, see it highlighted in the
 * tester, publish, check the dry-run API, roll back, and show a stored message with HTML in it as text. Screenshots
 * of the screens go to target/console-screenshots (copy them to docs/console/ to refresh the documentation).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesConsoleBrowserTest {

    private static final String TENANT = "lab";

    @TestHTTPResource("/console")
    URL console;

    private WebDriver browser;
    private WebDriverWait wait;
    private final String keyword = "蓝鲸" + UUID.randomUUID().toString().substring(0, 4);
    private long publishedVersion;
    private long baseline;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = ChromiumBrowser.start(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** A published version before the console's change, to diff against and roll back to. */
    private long baselineVersion() {
        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON)
                .body("{\"intent\": \"quote\", \"kind\": \"keyword\", \"keyword\": \"基线" + keyword + "\"}")
                .when().post("/api/v1/tenants/" + TENANT + "/intent-rules?publish=true").then().statusCode(201);
        return given().auth().oauth2("test-admin-token").when()
                .get("/api/v1/tenants/" + TENANT + "/intent-rules/versions").then().statusCode(200)
                .extract().jsonPath().getList("version", Long.class).stream().mapToLong(Long::longValue).max()
                .orElseThrow();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void signInRefusesAWrongTokenThenAcceptsTheRightOne() throws Exception {
        baseline = baselineVersion();
        browser.get(console.toString());
        wait.until(ExpectedConditions.urlContains("/console/login"));
        screenshot("login");
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        browser.findElement(By.id("token")).sendKeys("test-admin-token");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBe(By.id("user"), "test-admin"));
        switchTenant(TENANT);
        open("rules");
        wait.until(d -> !d.findElement(By.id("rules-status")).getText().isBlank());
    }

    @Test
    @Order(2)
    void addedKeywordIsHighlightedInTheDraftTester() throws Exception {
        new Select(browser.findElement(By.id("new-intent"))).selectByValue("quote");
        // Without a keyword the API refuses the rule, and the console says so next to the keyword's field.
        browser.findElement(By.id("add-rule")).click();
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#new-keyword + .field-error")));
        assertThat(refusal.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("new-keyword")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.findElement(By.id("new-keyword")).sendKeys(keyword);
        browser.findElement(By.id("add-rule")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-added")));
        assertThat(browser.findElements(By.cssSelector("#new-keyword + .field-error"))).isEmpty();
        WebElement search = browser.findElement(By.id("rule-search"));
        search.sendKeys(keyword);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-body"), keyword));
        screenshot("rules");

        browser.findElement(By.id("tester-draft")).click();
        browser.findElement(By.id("tester-text")).sendKeys("我想了解一下" + keyword + "的情况");
        wait.until(d -> d.findElements(By.cssSelector("#tester-highlighted mark")).stream()
                .anyMatch(mark -> mark.getText().equals(keyword)));
        assertThat(browser.findElement(By.id("tester-intents")).getText()).as("intents by label").contains("报价");
        assertThat(browser.findElement(By.cssSelector("#rules-body td[data-kind='keyword']")).getText()).isEqualTo("关键词");
        screenshot("tester");
    }

    @Test
    @Order(3)
    void previewsTheDraftsImpactOnStoredMessagesShowingCustomerTextAsText() throws Exception {
        String text = "<b>粗体</b>想问" + keyword + "的情况";
        String messageId = io.leadlistener.testsupport.RulesAndMessages.storeProcessedMessage(TENANT,
                "console-" + UUID.randomUUID(), text);
        browser.findElement(By.id("impact")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("impact-table")));
        WebElement quote = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#impact-table tr[data-intent='quote']")));
        assertThat(Integer.parseInt(quote.findElement(By.cssSelector("td.gained")).getText())).isPositive();
        WebElement example = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#impact-result [data-message-id='" + messageId + "']")));
        assertThat(example.getText()).contains(text);
        assertThat(browser.findElements(By.cssSelector("#impact-result b"))).isEmpty();
        screenshot("draft-impact");
    }

    @Test
    @Order(4)
    void publishesAndTheDryRunApiAnswersWithTheNewVersion() throws Exception {
        browser.findElement(By.id("publish")).click();
        // Publishing asks first, with the impact numbers: the stored message with the keyword gains 报价.
        WebElement gained = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#confirm-publish-impact tr[data-intent='quote'] td.gained")));
        assertThat(Integer.parseInt(gained.getText().replace("+", ""))).isPositive();
        assertThat(browser.findElement(By.id("confirm-publish")).getText()).contains("发布草稿？", "报价");
        screenshot("publish-confirm");
        browser.findElement(By.id("confirm-publish-ok")).click();
        WebElement published = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("published-version")));
        publishedVersion = Long.parseLong(published.getText().replaceAll("\\D", ""));

        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON)
                .body("{\"text\": \"" + keyword + "\", \"tenant\": \"" + TENANT + "\"}")
                .when().post("/api/v1/intents/test").then().statusCode(200)
                .body("ruleSetVersion", org.hamcrest.Matchers.equalTo((int) publishedVersion))
                .body("intents", org.hamcrest.Matchers.hasItem("quote"));

        // Re-tag the recent messages with the new version: the console follows the job until it ends.
        open("retag");
        WebElement days = browser.findElement(By.id("retag-days"));
        days.clear();
        days.sendKeys("1");
        browser.findElement(By.id("retag-start")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-retag-ok"))).click();
        // The job line is rebuilt every second while it runs: a read may meet the line just replaced.
        wait.withTimeout(Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("retag-job"), "data-status", "completed"));
        assertThat(browser.findElement(By.id("retag-job")).getText()).contains("已完成");
        assertThat(browser.findElement(By.id("retag-job")).getText()).contains("v" + publishedVersion);
        screenshot("retag");
    }

    @Test
    @Order(5)
    void rollingBackMakesANewVersionWithoutTheKeyword() throws Exception {
        long before = baseline;
        open("history");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diff-to option[value='" + publishedVersion + "']")));
        new Select(browser.findElement(By.id("diff-from"))).selectByValue(String.valueOf(before));
        new Select(browser.findElement(By.id("diff-to"))).selectByValue(String.valueOf(publishedVersion));
        browser.findElement(By.id("diff")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-result"), keyword));
        screenshot("history-diff");

        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#history-body button.rollback[data-version='" + before + "']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-rollback-ok"))).click();
        WebElement rolledBack = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rolled-back-version")));
        long newVersion = Long.parseLong(rolledBack.getText().replaceAll("\\D", ""));
        assertThat(newVersion).isGreaterThan(publishedVersion);
        // History says who, when and what: the publish added one rule, the rollback removed it again.
        WebElement published = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#history-body tr[data-version='" + publishedVersion + "']")));
        assertThat(published.getText()).contains("test-admin", "发布", "新增 1 · 删除 0")
                .as("local time, not an ISO instant").containsPattern("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}")
                .doesNotContain("T", "Z");
        WebElement rollbackRow = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#history-body tr[data-version='" + newVersion + "']")));
        assertThat(rollbackRow.getText()).contains("回滚到 v" + before, "删除 1");

        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON)
                .body("{\"text\": \"" + keyword + "\", \"tenant\": \"" + TENANT + "\"}")
                .when().post("/api/v1/intents/test").then().statusCode(200)
                .body("ruleSetVersion", org.hamcrest.Matchers.equalTo((int) newVersion))
                .body("intents", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("quote")));
    }

    @Test
    @Order(6)
    void storedMessageWithHtmlIsShownAsText() {
        // Through the WeCom callback, whose stored payload the message look-up reads back.
        String messageId = WeComSimulator.nextMsgId();
        String text = "<script>alert(1)</script><b>x</b>";
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("wangwu", text, messageId));
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> given()
                .auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/messages/" + messageId)
                .then().extract().statusCode() == 200);

        switchTenant("demo");
        open("leads");
        browser.findElement(By.id("lookup-id")).sendKeys(messageId);
        browser.findElement(By.id("lookup-go")).click();
        wait.until(ExpectedConditions.textToBe(By.id("lookup-text"), text));
        assertThat(browser.findElements(By.cssSelector("#lookup-result b"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#lookup-result script"))).isEmpty();
        assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
    }

    @Test
    @Order(7)
    void editsAKeywordInPlaceAndTheRoutingOfAnIntent() throws Exception {
        switchTenant(TENANT);
        open("rules");
        String original = "青龙" + UUID.randomUUID().toString().substring(0, 4);
        new Select(browser.findElement(By.id("new-intent"))).selectByValue("sample");
        browser.findElement(By.id("new-keyword")).sendKeys(original);
        browser.findElement(By.id("add-rule")).click();
        WebElement search = browser.findElement(By.id("rule-search"));
        search.clear();
        search.sendKeys(original);
        // The search's own (debounced) render is the last: wait for it, or the row is replaced under the click.
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rules-body tr[data-rule-id]"), 1));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#rules-body tr.group"), "样品需求"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-body"), original));
        browser.findElement(By.cssSelector("#rules-body button.edit-rule")).click();
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.edit-keyword")));
        input.sendKeys("改");
        browser.findElement(By.cssSelector("button.save-rule")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-body"), original + "改"));
        java.util.List<String> draftKeywords = given().auth().oauth2("test-admin-token")
                .when().get("/api/v1/tenants/" + TENANT + "/intent-rules?state=draft&q=" + original)
                .then().statusCode(200).extract().jsonPath().getList("items.keyword", String.class);
        assertThat(draftKeywords).containsExactly(original + "改");
        given().auth().oauth2("test-admin-token").when().delete("/api/v1/tenants/" + TENANT + "/intent-rules/draft")
                .then().statusCode(204);

        io.restassured.path.json.JsonPath before = given().auth().oauth2("test-admin-token")
                .when().get("/api/v1/tenants/" + TENANT + "/routing").then().statusCode(200).extract().jsonPath();
        open("routing");
        String pool = "key-accounts-" + UUID.randomUUID().toString().substring(0, 4);
        WebElement quotePool = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input.routing-pool[data-intent='quote']")));
        quotePool.clear();
        quotePool.sendKeys(pool);
        // Who is alerted about the pool's leads without an owner: typed as a list, saved with the routing.
        WebElement users = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input.recipient-users[data-pool='" + before.getString("defaultPool") + "']")));
        users.clear();
        users.sendKeys("zhangsan、lisi");
        browser.findElement(By.id("routing-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("routing-saved")));
        screenshot("routing");
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/" + TENANT + "/routing").then()
                .statusCode(200)
                .body("pools.quote", org.hamcrest.Matchers.equalTo(pool))
                .body("recipients.'" + before.getString("defaultPool") + "'.users",
                        org.hamcrest.Matchers.contains("zhangsan", "lisi"))
                .body("version", org.hamcrest.Matchers.equalTo(before.getInt("version") + 1))
                .body("publishedBy", org.hamcrest.Matchers.equalTo("test-admin"));
        // Put the routing back as it was, for the tests that route lab's leads.
        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON)
                .body(java.util.Map.of("pools", before.getMap("pools"), "precedence", before.getList("precedence"),
                        "defaultPool", before.getString("defaultPool"), "recipients", before.getMap("recipients")))
                .when().put("/api/v1/tenants/" + TENANT + "/routing").then().statusCode(200);
    }

    @Test
    @Order(8)
    void addsAWordSetAndACombinationThroughTheFormAndHighlightsBothParts() throws Exception {
        switchTenant(TENANT);
        open("rules");
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String set = "brand-" + suffix;
        String brand = "鲸选" + suffix;
        new Select(browser.findElement(By.id("new-kind"))).selectByValue("word_set");
        assertThat(browser.findElement(By.id("new-words")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("new-part-a")).isDisplayed()).isFalse();
        browser.findElement(By.id("new-keyword")).sendKeys(set);
        browser.findElement(By.id("new-words")).sendKeys(brand + " | 鲸选牌");
        browser.findElement(By.id("add-rule")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-added")));

        new Select(browser.findElement(By.id("new-kind"))).selectByValue("combination");
        assertThat(browser.findElement(By.id("new-keyword")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("new-intent"))).selectByValue("quote");
        browser.findElement(By.id("new-part-a")).sendKeys("@" + set);
        browser.findElement(By.id("new-part-b")).sendKeys("贴牌");
        WebElement window = browser.findElement(By.id("new-window"));
        window.clear();
        window.sendKeys("4");
        browser.findElement(By.id("add-rule")).click();
        WebElement search = browser.findElement(By.id("rule-search"));
        search.clear();
        search.sendKeys(set);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-body"), "@" + set + " … 贴牌"));
        // Edited in place like any rule: part B becomes 代工.
        WebElement combination = browser.findElements(By.cssSelector("#rules-body tr[data-rule-id]")).stream()
                .filter(row -> row.getText().contains("贴牌")).findFirst().orElseThrow();
        combination.findElement(By.cssSelector("button.edit-rule")).click();
        WebElement partB = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.edit-part-b")));
        partB.clear();
        partB.sendKeys("代工 | 贴牌");
        browser.findElement(By.cssSelector("button.save-rule")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-body"), "@" + set + " … 代工|贴牌"));

        if (!browser.findElement(By.id("tester-draft")).isSelected()) {
            browser.findElement(By.id("tester-draft")).click();
        }
        WebElement tester = browser.findElement(By.id("tester-text"));
        tester.clear();
        tester.sendKeys("想做" + brand + "的贴牌");
        wait.until(d -> d.findElements(By.cssSelector("#tester-highlighted mark")).stream().map(WebElement::getText)
                .toList().containsAll(java.util.List.of(brand, "贴牌")));
        screenshot("rules-combination");

        // Discarding asks first: cancelling keeps the draft, confirming empties it.
        browser.findElement(By.id("discard")).click();
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-discard")));
        assertThat(question.getText()).contains("丢弃草稿？", "2 项更改");
        browser.findElement(By.id("confirm-discard-cancel")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("confirm-discard"), 0));
        assertThat(browser.findElements(By.cssSelector("#draft-changes li"))).hasSize(2);
        browser.findElement(By.id("discard")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-discard-ok"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("draft-changes"), "草稿里没有待发布的更改。"));
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/" + TENANT + "/intent-rules/draft")
                .then().statusCode(200).body("added", org.hamcrest.Matchers.empty());
    }

    @Test
    @Order(9)
    void switchesToEnglishAndBack() {
        browser.get(console + "?lang=en#rules");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#rules h2"), "Rules"));
        assertThat(browser.findElement(By.id("nav-leads")).getText()).isEqualTo("Leads");
        assertThat(browser.findElement(By.id("impact")).getText()).isEqualTo("Impact preview");
        browser.get(console + "#rules");
        // The choice is remembered (cookie) until switched back.
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#rules h2"), "Rules"));
        browser.get(console + "?lang=zh#rules");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#rules h2"), "规则"));
        assertThat(browser.findElement(By.id("nav-leads")).getText()).isEqualTo("线索");
    }

    @Test
    @Order(10)
    void logoutEndsTheSession() {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/console/login"));
        browser.get(console.toString());
        wait.until(ExpectedConditions.urlContains("/console/login"));
    }

    /** Picks the tenant in the header's picker (the credential's tenants only). */
    private void switchTenant(String name) {
        new Select(browser.findElement(By.id("tenant"))).selectByValue(name);
        wait.until(ExpectedConditions.attributeToBe(By.id("tenant"), "value", name));
    }

    /** Opens a screen from the navigation and waits for it to show. */
    private void open(String screen) {
        browser.findElement(By.id("nav-" + screen)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screen-" + screen)));
    }

    private void screenshot(String name) throws Exception {
        ChromiumBrowser.screenshot(browser, name);
    }
}
