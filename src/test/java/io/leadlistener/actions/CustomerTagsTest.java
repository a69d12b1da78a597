package io.leadlistener.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventIds;
import io.leadlistener.testsupport.FakeCorpTags;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A WeCom customer who asks for a price or samples carries 【报价】/【样品需求】 in the salesperson's sidebar: each
 * tagged message of an external contact with a follow user marks the customer with a corporate tag per intent — tags
 * created once, each intent marked once, a tag deleted in WeCom resolved again. HTTP → PostgreSQL → the fake WeCom
 * API.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = AlertsTestResource.class, restrictToAnnotatedClass = true)
class CustomerTagsTest {

    private static final String ADMIN = "test-admin-token";
    private static final String GROUP = "线索意向";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void restoreSettings() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"version\": 0}")
                .when().post("/api/v1/tenants/demo/alert-settings/rollback").then().statusCode(anyOf(is(200), is(409)));
    }

    @Test
    void eachIntentMarksTheCustomerOnceWithTagsCreatedOnce() {
        String customer = externalUserId();
        int addsBefore = tags().addCalls();

        String first = "tag-1-" + UUID.randomUUID();
        for (int delivery = 0; delivery < 2; delivery++) {
            ingest(customer, first, "zhangsan", "报价多少？能寄两个样品吗");
        }
        FakeCorpTags.Mark mark = awaitMark(customer, 1);
        assertThat(mark.userId()).isEqualTo("zhangsan");
        assertThat(mark.tagNames()).containsExactlyInAnyOrder("报价", "样品需求");
        assertThat(tags().liveTags(GROUP)).containsKeys("报价", "样品需求");

        ingest(customer, "tag-2-" + UUID.randomUUID(), "zhangsan", "报价再便宜点");
        ingest(customer, "tag-3-" + UUID.randomUUID(), "zhangsan", "想做你们的区域代理");
        FakeCorpTags.Mark agency = awaitMark(customer, 2);
        assertThat(agency.tagNames()).containsExactly("代理加盟");
        // Two tags were created together at first, then one more; never the same tag twice.
        assertThat(tags().addCalls() - addsBefore).isLessThanOrEqualTo(2);
        assertThat(marksOf(customer)).hasSize(2);
        String firstAction = EventIds.action(CustomerTags.TYPE, "demo", "wecom-archive:" + first);
        assertThat(new InboxRows(dataSource).queryLong("select count(*) from wecom_action where id = ? and done_at"
                + " is not null", firstAction)).isEqualTo(1);
    }

    @Test
    void aTagAnAdminCreatedIsUsedAndOneTheyDeletedIsResolvedAgain() {
        String byAdmin = tags().existing("客户分级", "无关");
        assertThat(byAdmin).isNotBlank();
        String customer = externalUserId();
        ingest(customer, "del-1-" + UUID.randomUUID(), "lisi", "样品怎么申请");
        String before = awaitMark(customer, 1).tagIds().get(0);

        tags().delete(GROUP, "样品需求");
        String other = externalUserId();
        ingest(other, "del-2-" + UUID.randomUUID(), "lisi", "样品怎么申请");
        FakeCorpTags.Mark again = awaitMark(other, 1);
        assertThat(again.tagNames()).containsExactly("样品需求");
        assertThat(again.tagIds().get(0)).isNotEqualTo(before);
    }

    @Test
    void aCustomerWithoutFollowUserIsNotMarked() throws Exception {
        String customer = externalUserId();
        String messageId = "kf-like-" + UUID.randomUUID();
        ingest(customer, messageId, null, "报价多少");
        InboxRows db = new InboxRows(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(
                "select count(*) from inbox_message where msg_id = ? and status = 'done'", messageId) == 1);
        assertThat(db.queryLong("select count(*) from wecom_action where id = ?",
                EventIds.action(CustomerTags.TYPE, "demo", "wecom-archive:" + messageId))).isZero();
        Thread.sleep(500);
        assertThat(marksOf(customer)).isEmpty();
    }

    @Test
    void theTenantNamesItsTagsOrSwitchesThemOff() throws Exception {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"tagGroup\": \"客户意向\", \"tagNames\": {\"quote\": \"询价\"}}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200);
        String customer = externalUserId();
        ingest(customer, "named-" + UUID.randomUUID(), "wangwu", "报价多少");
        assertThat(awaitMark(customer, 1).tagNames()).containsExactly("询价");
        assertThat(tags().liveTags("客户意向")).containsKey("询价");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"customerTags\": false}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200);
        String quiet = externalUserId();
        String messageId = "off-" + UUID.randomUUID();
        ingest(quiet, messageId, "wangwu", "报价多少");
        InboxRows db = new InboxRows(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(
                "select count(*) from inbox_message where msg_id = ? and status = 'done'", messageId) == 1);
        Thread.sleep(500);
        assertThat(marksOf(quiet)).isEmpty();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"tagNames\": {\"quote\": \"\"}}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400);
    }

    private static String externalUserId() {
        return "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static FakeCorpTags tags() {
        return AlertsTestResource.server().corpTags();
    }

    private static List<FakeCorpTags.Mark> marksOf(String customer) {
        return tags().marks().stream().filter(mark -> mark.externalUserId().equals(customer)).toList();
    }

    private static FakeCorpTags.Mark awaitMark(String customer, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> marksOf(customer).size() >= count);
        return marksOf(customer).get(count - 1);
    }

    /** An archive pipeline's message of that WeCom customer, with its follow user (or none). */
    private static void ingest(String customer, String messageId, String followUser, String text) {
        String owner = followUser == null ? "" : ", \"ownerUserId\": \"" + followUser + "\"";
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body("{\"tenant\": \"demo\","
                        + " \"channel\": \"wecom-archive\", \"contactKind\": \"external\", \"contactId\": \"" + customer
                        + "\", \"messageId\": \"" + messageId + "\", \"text\": \"" + text + "\"" + owner + "}")
                .when().post("/api/v1/messages").then().statusCode(anyOf(is(202), is(200)));
    }
}
