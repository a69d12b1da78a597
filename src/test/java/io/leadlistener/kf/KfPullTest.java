package io.leadlistener.kf;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.FakeWeComApi.Fault;
import io.leadlistener.testsupport.FakeWeComApi.SyncRequest;
import io.leadlistener.testsupport.FakeWeComApiResource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 微信客服 pulling against a real HTTP fake of the WeCom API: a notification callback makes the worker pull
 * {@code kf/sync_msg} page by page into the inbox; failures follow the retry/park rules. Real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = FakeWeComApiResource.class, restrictToAnnotatedClass = true)
class KfPullTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    private FakeWeComApi wecom;
    private InboxRows rows;
    private String openKfId;
    private long now;

    @BeforeEach
    void setUp() {
        wecom = FakeWeComApiResource.server();
        wecom.pageSize(2);
        rows = new InboxRows(dataSource);
        openKfId = "wk" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        now = Instant.now().getEpochSecond();
    }

    @AfterEach
    void restoreSecret() {
        wecom.revokeSecret(false);
    }

    @Test
    void aNotificationPullsEveryPageAndStoresEachCustomerMessageOnceWithTheCursor() {
        String customer = customer();
        for (int i = 1; i <= 5; i++) {
            wecom.addMessage(openKfId, openKfId + "-m" + i, customer, 3, "text", "消息" + i, now + i);
        }
        wecom.addMessage(openKfId, openKfId + "-staff", customer, 5, "text", "您好，我是客服", now + 6);
        wecom.addMessage(openKfId, openKfId + "-img", customer, 3, "image", null, now + 7);

        String notification = notify("TOKEN1" + openKfId);

        awaitNotification(notification, "done");
        assertThat(wecom.syncRequests(openKfId)).extracting(SyncRequest::cursor)
                .containsExactly(null, "c2", "c4", "c6");
        assertThat(wecom.syncRequests(openKfId)).allSatisfy(request -> {
            assertThat(request.token()).isEqualTo("TOKEN1" + openKfId);
            assertThat(request.limit()).isEqualTo(1000);
        });
        assertThat(storedMsgIds()).containsExactly(openKfId + "-m1", openKfId + "-m2", openKfId + "-m3",
                openKfId + "-m4", openKfId + "-m5", openKfId + "-img"); // the 接待人员's message (origin 5) skipped
        assertThat(rows.rows("source = 'wecom-kf' and msg_id = ?", openKfId + "-m1")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("contact_key")).isEqualTo("external:" + customer);
                    assertThat(row.get("dedupe_key")).isEqualTo("kf-msg|" + openKfId + "-m1");
                    assertThat(row.get("msg_type")).isEqualTo("text");
                    assertThat((String) row.get("payload")).contains("\"msgid\":\"" + openKfId + "-m1\"");
                });
        assertThat(cursor()).isEqualTo("c7");

        // The next notification continues after the persisted cursor: only the new message is fetched.
        wecom.addMessage(openKfId, openKfId + "-m8", customer, 3, "text", "还在吗", now + 8);
        awaitNotification(notify("TOKEN2" + openKfId), "done");
        assertThat(wecom.syncRequests(openKfId).get(4).cursor()).isEqualTo("c7");
        assertThat(wecom.syncRequests(openKfId)).hasSize(5);
        assertThat(storedMsgIds()).hasSize(7).endsWith(openKfId + "-m8");
        assertThat(cursor()).isEqualTo("c8");
        await().atMost(WAIT).until(() -> rows.countWhere(
                "source = 'wecom-kf' and msg_id like ? and status = 'done'", openKfId + "%") == 7);
    }

    @Test
    void aPullThatDiesMidBatchResumesFromTheCommittedCursorWithoutLossOrDuplicate() {
        String customer = customer();
        for (int i = 1; i <= 5; i++) {
            wecom.addMessage(openKfId, openKfId + "-m" + i, customer, 3, "text", "消息" + i, now + i);
        }
        wecom.fault(openKfId, 2, Fault.BAD_GATEWAY); // the connection is lost after page 1 committed

        String notification = notify("TOKEN" + openKfId);

        Map<String, Object> row = awaitNotification(notification, "done");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        assertThat(wecom.syncRequests(openKfId)).extracting(SyncRequest::cursor)
                .containsExactly(null, "c2", "c2", "c4");
        assertThat(storedMsgIds()).containsExactly(openKfId + "-m1", openKfId + "-m2", openKfId + "-m3",
                openKfId + "-m4", openKfId + "-m5");

        // Even a cursor lost altogether re-fetches from the start without a second row for any message.
        rows.update("delete from kf_cursor where open_kfid = ?", openKfId);
        Map<String, Object> again = awaitNotification(notify("TOKENB" + openKfId), "done");
        assertThat(again.get("outcome").toString().replace(" ", "")).contains("\"kfDuplicates\":5").contains("\"kfStored\":0");
        assertThat(storedMsgIds()).hasSize(5);
        assertThat(cursor()).isEqualTo("c5");
    }

    /** Issue 20: one notification pulls at most max-pages-per-notification pages; the next one goes on from there. */
    @Test
    void aNotificationPullsAtMostThePageCapAndTheNextOneGoesOn() {
        String customer = customer();
        for (int i = 1; i <= 10; i++) {
            wecom.addMessage(openKfId, openKfId + "-m" + i, customer, 3, "text", "消息" + i, now + i);
        }

        awaitNotification(notify("CAP1" + openKfId), "done");
        assertThat(wecom.syncRequests(openKfId)).extracting(SyncRequest::cursor)
                .containsExactly(null, "c2", "c4", "c6");
        assertThat(storedMsgIds()).hasSize(8);
        assertThat(cursor()).isEqualTo("c8");

        awaitNotification(notify("CAP2" + openKfId), "done");
        assertThat(storedMsgIds()).hasSize(10);
        assertThat(cursor()).isEqualTo("c10");
    }

    /** Issue 20: a WeCom that keeps saying "more" without moving the cursor cannot hold a worker forever. */
    @Test
    void aHasMoreThatDoesNotMoveTheCursorEndsThePull() {
        String customer = customer();
        for (int i = 1; i <= 3; i++) {
            wecom.addMessage(openKfId, openKfId + "-m" + i, customer, 3, "text", "消息" + i, now + i);
        }
        wecom.fault(openKfId, 2, Fault.STUCK_CURSOR);

        String notification = notify("STUCK" + openKfId);

        awaitNotification(notification, "done");
        assertThat(wecom.syncRequests(openKfId)).extracting(SyncRequest::cursor).containsExactly(null, "c2");
        assertThat(storedMsgIds()).containsExactly(openKfId + "-m1", openKfId + "-m2");
        assertThat(cursor()).isEqualTo("c2");
    }

    @Test
    void anAccessTokenExpiringMidPullIsRefreshedOnceAndThePullGoesOn() {
        String customer = customer();
        for (int i = 1; i <= 4; i++) {
            wecom.addMessage(openKfId, openKfId + "-m" + i, customer, 3, "text", "消息" + i, now + i);
        }
        wecom.fault(openKfId, 2, Fault.EXPIRE_TOKEN);
        awaitNotification(notify("WARMUP" + openKfId), "done"); // a valid token is cached
        wecom.addMessage(openKfId, openKfId + "-m5", customer, 3, "text", "消息5", now + 5);
        wecom.addMessage(openKfId, openKfId + "-m6", customer, 3, "text", "消息6", now + 6);
        wecom.fault(openKfId, 4, Fault.EXPIRE_TOKEN);
        int issuedBefore = wecom.tokensIssued();

        Map<String, Object> row = awaitNotification(notify("TOKEN" + openKfId), "done");

        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1); // no failed attempt
        assertThat(wecom.tokensIssued()).isEqualTo(issuedBefore + 1);
        List<SyncRequest> requests = wecom.syncRequests(openKfId);
        SyncRequest rejected = requests.get(3);
        SyncRequest retried = requests.get(4);
        assertThat(retried.cursor()).isEqualTo(rejected.cursor());
        assertThat(retried.accessToken()).isNotEqualTo(rejected.accessToken());
        assertThat(storedMsgIds()).hasSize(6).doesNotHaveDuplicates();
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("leadlistener_kf_access_token_refreshes_total\\{corp=\"[^\"]+\","
                + "outcome=\"invalidated\"} [1-9]");
        assertThat(metrics).containsPattern("leadlistener_kf_pull_lag_seconds_count\\{tenant=\"[^\"]+\"} [1-9]");
    }

    @Test
    void aBusyWeComIsRetriedWithBackoffUntilThePullSucceeds() {
        wecom.addMessage(openKfId, openKfId + "-m1", customer(), 3, "text", "消息", now);
        wecom.fault(openKfId, 1, Fault.BUSY);
        wecom.fault(openKfId, 2, Fault.BUSY);

        Map<String, Object> row = awaitNotification(notify("TOKEN" + openKfId), "done");

        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
        assertThat(storedMsgIds()).containsExactly(openKfId + "-m1");
    }

    @Test
    void aRejectedSecretParksTheNotificationAtOnceWithTheError() {
        String customer = customer();
        wecom.addMessage(openKfId, openKfId + "-m1", customer, 3, "text", "消息", now);
        awaitNotification(notify("WARMUP" + openKfId), "done"); // a valid token is cached
        wecom.addMessage(openKfId, openKfId + "-m2", customer, 3, "text", "消息", now + 1);
        wecom.expireAllTokens(); // the cached token is rejected, and the refresh finds the secret revoked
        wecom.revokeSecret(true);
        int issuedBefore = wecom.tokensIssued();

        Map<String, Object> row = awaitNotification(notify("TOKEN" + openKfId), "parked");

        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1); // max-attempts is 3: not retried
        assertThat((String) row.get("last_error")).contains("errcode 40001").contains("kf-secret")
                .doesNotContain(FakeWeComApi.SECRET);
        assertThat(wecom.tokensIssued()).isEqualTo(issuedBefore);
        assertThat(wecom.syncRequests(openKfId)).hasSize(2); // one per notification: no loop
        assertThat(storedMsgIds()).containsExactly(openKfId + "-m1");
    }

    @Test
    void anyOtherErrcodeParksTheNotificationWithTheErrorVisible() {
        wecom.addMessage(openKfId, openKfId + "-m1", customer(), 3, "text", "消息", now);
        wecom.fault(openKfId, 1, Fault.INVALID_MSG_TOKEN);

        Map<String, Object> row = awaitNotification(notify("TOKEN" + openKfId), "parked");

        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("errcode 95007").contains("invalid msg token");
        assertThat(wecom.syncRequests(openKfId)).hasSize(1);
    }

    private String notify(String token) {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.kfNotification(openKfId, token, now));
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);
        return WeComSimulator.DEMO_CORP_ID + "|kf_msg_or_event|" + openKfId + "|" + token;
    }

    private Map<String, Object> awaitNotification(String dedupeKey, String status) {
        await().atMost(WAIT).until(() -> rows.countWhere("dedupe_key = ? and status = ?", dedupeKey, status) == 1);
        return rows.rows("dedupe_key = ?", dedupeKey).get(0);
    }

    private List<Object> storedMsgIds() {
        return rows.query("select msg_id from inbox_message where source = 'wecom-kf' and msg_id like ? order by id",
                openKfId + "%").stream().map(row -> row.get("msg_id")).toList();
    }

    private String cursor() {
        return (String) rows.query("select cursor from kf_cursor where open_kfid = ?", openKfId).get(0).get("cursor");
    }

    private static String customer() {
        return "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
