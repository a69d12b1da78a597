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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18: two instances of the packaged application on one PostgreSQL alert through the same WeCom API. Messages
 * reach both; WeCom refuses every alert (rate limited) until all are enqueued, so that both action workers then race
 * over every lead's backlog. Each alert must be sent once, each lead's alerts in the order they were enqueued, and
 * both instances must have sent some.
 */
@ExtendWith(PackagedAppEnvironment.class)
class AlertsOnTwoReplicasIT {

    private static final int CUSTOMERS = 12;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** Logged by the action worker for each alert WeCom accepted. */
    private static final Pattern ALERT_SENT = Pattern.compile("Alert sent to \\S+ tenant=demo lead=(\\S+)");
    private static final int FREQUENCY_LIMITED = 45009;

    @Test
    void twoInstancesSendEveryAlertOnceAndEachLeadsAlertsInOrder(Scope scope) throws Exception {
        WeComActionRows actions = new WeComActionRows(scope.dataSource());
        IngestionApiClient ingestion = new IngestionApiClient();
        // Alert ids per customer in the order the customer wrote: one to four messages each, so order matters.
        Map<String, List<String>> alertsByCustomer = new LinkedHashMap<>();
        try (FakeWeComApi wecom = new FakeWeComApi()) {
            wecom.refuseAppMessages(FREQUENCY_LIMITED);
            PackagedApp a = null;
            PackagedApp b = null;
            try {
                a = PackagedApp.launch(scope.name() + "-a", replicaConfig(scope, wecom));
                b = PackagedApp.launch(scope.name() + "-b", replicaConfig(scope, wecom));
                a.awaitReady(START);
                b.awaitReady(START);
                List<URI> apps = List.of(a.baseUri(), b.baseUri());
                int sent = 0;
                for (int customer = 0; customer < CUSTOMERS; customer++) {
                    String contactId = scope.name() + "-customer-" + customer;
                    List<String> alerts = new ArrayList<>();
                    for (int i = 0; i <= customer % 4; i++) {
                        String messageId = contactId + "-msg-" + i;
                        // A customer's messages alternate between the instances; the next only once stored.
                        assertThat(ingestion.ingest(apps.get((customer + i) % 2), contactId, messageId,
                                "owner-" + customer % 5, "想做你们区域代理，第 " + i + " 次问"))
                                .as("ingestion of %s", messageId).isEqualTo(202);
                        alerts.add(AlertingTenant.alertId(messageId));
                        sent++;
                    }
                    alertsByCustomer.put(contactId, alerts);
                }
                int messages = sent;
                await("every alert enqueued").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.count() == messages);

                wecom.acceptAppMessages();
                await("every alert done").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.countWhere("done_at is not null") == messages);

                List<Action> done = actions.all();
                assertThat(done).as("parked alerts").noneMatch(Action::parked);
                List<String> acceptedBodies = wecom.acceptedAppMessages().stream()
                        .map(FakeWeComApi.AppMessage::rawBody).toList();
                assertThat(acceptedBodies).as("alerts WeCom accepted, each once")
                        .containsExactlyInAnyOrderElementsOf(done.stream().map(Action::payload).toList());
                for (List<String> alertsInWritingOrder : alertsByCustomer.values()) {
                    List<Action> ofLead = done.stream().filter(action -> alertsInWritingOrder.contains(action.id()))
                            .toList(); // in seq order
                    assertThat(ofLead).extracting(Action::id).as("alerts enqueued in the order the customer wrote")
                            .containsExactlyElementsOf(alertsInWritingOrder);
                    assertThat(ofLead).extracting(Action::leadId).as("one lead per customer").containsOnly(
                            ofLead.get(0).leadId());
                    List<String> payloads = ofLead.stream().map(Action::payload).toList();
                    assertThat(acceptedBodies.stream().filter(payloads::contains).toList())
                            .as("alerts of lead %s in the order WeCom accepted them", ofLead.get(0).leadId())
                            .containsExactlyElementsOf(payloads);
                }

                List<String> leadsAlertedByA = a.logged(ALERT_SENT);
                List<String> leadsAlertedByB = b.logged(ALERT_SENT);
                System.out.printf("Alerts sent: %d by %s, %d by %s; %d sends refused before%n",
                        leadsAlertedByA.size(), a, leadsAlertedByB.size(), b,
                        wecom.appMessages().size() - acceptedBodies.size());
                assertThat(leadsAlertedByA).as("alerts sent by %s", a).isNotEmpty();
                assertThat(leadsAlertedByB).as("alerts sent by %s", b).isNotEmpty();
                List<String> leadsAlerted = new ArrayList<>(leadsAlertedByA);
                leadsAlerted.addAll(leadsAlertedByB);
                assertThat(countByLead(leadsAlerted)).as("alerts sent per lead by either instance")
                        .isEqualTo(countByLead(done.stream().map(Action::leadId).toList()));
            } finally {
                if (a != null) {
                    a.close();
                }
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    /**
     * As an operator would configure a replica, tuned for contention: a worker claiming few leads per round, so that
     * both workers take turns on the backlog rather than one draining it in a single round.
     */
    private static Map<String, String> replicaConfig(Scope scope, FakeWeComApi wecom) {
        Map<String, String> config = AlertingTenant.config(scope, wecom);
        config.put("leadlistener.actions.worker.batch-size", "2");
        return config;
    }

    private static Map<String, Long> countByLead(List<String> leadIds) {
        return leadIds.stream().collect(Collectors.groupingBy(leadId -> leadId, Collectors.counting()));
    }
}
