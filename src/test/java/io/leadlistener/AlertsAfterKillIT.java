package io.leadlistener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadlistener.testsupport.AlertingTenant;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.IngestionApiClient;
import io.leadlistener.testsupport.PackagedApp;
import io.leadlistener.testsupport.PackagedAppEnvironment;
import io.leadlistener.testsupport.PackagedAppEnvironment.Scope;
import io.leadlistener.testsupport.WeComActionRows;
import io.leadlistener.testsupport.WeComActionRows.Action;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18: the packaged application is killed with SIGKILL while alerts wait in the action outbox, and restarted on
 * the same PostgreSQL. No alert may be lost, none sent twice to WeCom (once WeCom accepted it), none parked; and an
 * alert WeCom received but whose answer the application never recorded is sent again byte for byte, the contract
 * WeCom's {@code enable_duplicate_check} relies on to drop the repeat.
 */
@ExtendWith(PackagedAppEnvironment.class)
class AlertsAfterKillIT {

    private static final int MESSAGES = 12;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** Logged by the action worker for each alert WeCom accepted. */
    private static final Pattern ALERT_SENT = Pattern.compile("Alert sent to (\\S+) tenant=demo lead=");
    /** Rate limited: retried with backoff, never parked. */
    private static final int FREQUENCY_LIMITED = 45009;

    private final IngestionApiClient ingestion = new IngestionApiClient();

    @Test
    void alertsEnqueuedBeforeAKillMinusNineAreEachSentOnceAfterTheRestart(Scope scope) throws Exception {
        WeComActionRows actions = new WeComActionRows(scope.dataSource());
        // Alert id → the owner it must reach: one alert per message, each message of its own customer and owner.
        Map<String, String> ownerByAlert = new LinkedHashMap<>();
        try (FakeWeComApi wecom = new FakeWeComApi()) {
            wecom.refuseAppMessages(FREQUENCY_LIMITED);
            PackagedApp first = PackagedApp.start(scope.name() + "-first", AlertingTenant.config(scope, wecom), START);
            PackagedApp restarted = null;
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    String messageId = scope.name() + "-msg-" + i;
                    String owner = "owner-" + i;
                    assertThat(ingestion.ingest(first.baseUri(), scope.name() + "-customer-" + i, messageId, owner,
                            "能给个报价吗？第 " + i + " 批")).as("ingestion of %s", messageId).isEqualTo(202);
                    ownerByAlert.put(AlertingTenant.alertId(messageId), owner);
                }
                // Every alert enqueued and tried, none done: the kill falls between enqueue and a successful send.
                await("every alert enqueued and refused at least once").atMost(DRAIN)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.count() == MESSAGES && actions.countWhere("attempts = 0") == 0);
                assertThat(first.kill()).as("exit code of %s after SIGKILL", first).isEqualTo(137);

                List<Action> leftByTheKill = actions.all();
                assertThat(leftByTheKill).extracting(Action::id)
                        .containsExactlyInAnyOrderElementsOf(ownerByAlert.keySet());
                assertThat(leftByTheKill).as("alerts done or parked when killed")
                        .noneMatch(action -> action.done() || action.parked());

                wecom.acceptAppMessages();
                restarted = PackagedApp.start(scope.name() + "-restarted", AlertingTenant.config(scope, wecom), START);
                await("every alert done").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.countWhere("done_at is not null") == MESSAGES);

                List<Action> done = actions.all();
                assertThat(done).as("parked alerts").noneMatch(Action::parked);
                List<FakeWeComApi.AppMessage> accepted = wecom.acceptedAppMessages();
                assertThat(accepted).as("alerts WeCom accepted").hasSize(MESSAGES);
                for (Action action : done) {
                    assertThat(accepted).as("accepted sends of alert %s", action.id())
                            .filteredOn(message -> message.rawBody().equals(action.payload()))
                            .singleElement()
                            .satisfies(message -> assertThat(message.body().path("touser").asText())
                                    .isEqualTo(ownerByAlert.get(action.id())));
                }
                // Refused attempts before and after the kill carried the stored body too: nothing is built at send time.
                assertThat(wecom.appMessages()).extracting(FakeWeComApi.AppMessage::rawBody)
                        .allMatch(body -> done.stream().anyMatch(action -> action.payload().equals(body)));
                assertThat(first.logged(ALERT_SENT)).as("alerts sent by the killed app").isEmpty();
                assertThat(restarted.logged(ALERT_SENT)).as("alerts sent by the restarted app")
                        .containsExactlyInAnyOrderElementsOf(ownerByAlert.values());
            } finally {
                first.close();
                if (restarted != null) {
                    restarted.close();
                }
            }
        }
    }

    @Test
    void anAlertWeComReceivedButTheKilledAppNeverRecordedIsResentByteForByte(Scope scope) throws Exception {
        WeComActionRows actions = new WeComActionRows(scope.dataSource());
        String messageId = scope.name() + "-held";
        String alertId = AlertingTenant.alertId(messageId);
        try (FakeWeComApi wecom = new FakeWeComApi()) {
            wecom.holdAppMessageAnswers();
            PackagedApp first = PackagedApp.start(scope.name() + "-first", AlertingTenant.config(scope, wecom), START);
            PackagedApp restarted = null;
            try {
                assertThat(ingestion.ingest(first.baseUri(), scope.name() + "-customer", messageId, "zhangsan",
                        "样品什么时候能寄出？")).isEqualTo(202);
                await("the alert at WeCom, its answer held back").atMost(DRAIN).pollInterval(Duration.ofMillis(20))
                        .until(() -> wecom.appMessages().size() == 1);
                // The worker waits for WeCom's answer with the action locked in its open transaction.
                assertThat(first.kill()).as("exit code of %s after SIGKILL", first).isEqualTo(137);
                assertThat(actions.all()).singleElement().satisfies(action -> {
                    assertThat(action.id()).isEqualTo(alertId);
                    assertThat(action.done()).as("done").isFalse();
                    assertThat(action.attempts()).as("attempts recorded").isZero();
                });

                // WeCom answers (and delivers) the first send; nobody is there to record it.
                wecom.acceptAppMessages();
                restarted = PackagedApp.start(scope.name() + "-restarted", AlertingTenant.config(scope, wecom), START);
                await("the alert done").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.countWhere("done_at is not null") == 1);

                Action action = actions.all().get(0);
                assertThat(action.attempts()).as("attempts recorded").isEqualTo(1);
                List<FakeWeComApi.AppMessage> sends = wecom.appMessages();
                assertThat(sends).as("sends of the alert").hasSize(2);
                assertThat(sends.get(1).rawBody()).as("the resend, byte for byte")
                        .isEqualTo(sends.get(0).rawBody())
                        .isEqualTo(action.payload());
                assertThat(sends.get(0).body().path("enable_duplicate_check").asInt())
                        .as("enable_duplicate_check, which makes WeCom drop the identical resend").isEqualTo(1);
                assertThat(sends.get(0).body().path("touser").asText()).isEqualTo("zhangsan");
                assertThat(restarted.logged(ALERT_SENT)).containsExactly("zhangsan");
            } finally {
                first.close();
                if (restarted != null) {
                    restarted.close();
                }
            }
        }
    }
}
