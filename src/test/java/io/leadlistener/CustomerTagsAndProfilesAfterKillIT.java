package io.leadlistener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadlistener.testsupport.AlertingTenant;
import io.leadlistener.testsupport.ExternalCustomer;
import io.leadlistener.testsupport.FakeCorpTags;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.IngestionApiClient;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.PackagedApp;
import io.leadlistener.testsupport.PackagedAppEnvironment;
import io.leadlistener.testsupport.PackagedAppEnvironment.Scope;
import io.leadlistener.testsupport.ProfileEvents;
import io.leadlistener.testsupport.WeComActionRows;
import io.leadlistener.testsupport.WeComActionRows.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: the packaged application is killed with SIGKILL while customer tags and profile reads wait in the action
 * outbox, and restarted on the same PostgreSQL. Each customer must end up marked with exactly its intents' tags, the
 * tags created once per name (the restarted replica finds them in WeCom's list instead of creating them again), each
 * profile read and published once, nothing parked. A mark WeCom applied but whose answer the killed application never
 * recorded is sent again, identical: {@code mark_tag} adds tags to a set, so the repeat changes nothing in WeCom.
 */
@ExtendWith(PackagedAppEnvironment.class)
class CustomerTagsAndProfilesAfterKillIT {

    private static final String GROUP = "线索意向";
    /** A customer line and the tags its intents mark the customer with (the default rules and tag names). */
    private static final List<Map.Entry<String, Set<String>>> LINES = List.of(
            Map.entry("报价多少？能寄两个样品吗", Set.of("报价", "样品需求")),
            Map.entry("想做你们的区域代理", Set.of("代理加盟")),
            Map.entry("样品怎么申请", Set.of("样品需求")),
            Map.entry("报价多少", Set.of("报价")));
    private static final int CUSTOMERS = 8;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** Logged by the action worker for each customer WeCom marked; the group is the lead. */
    private static final Pattern CUSTOMER_TAGGED = Pattern.compile("Customer tagged \\S+ tenant=demo lead=(\\S+)");
    /** Logged by the action worker for each profile read; the group is the lead. */
    private static final Pattern PROFILE_READ = Pattern.compile("Customer profile \\S+ tenant=demo lead=(\\S+)");
    /** Rate limited: retried with backoff, never parked. */
    private static final int FREQUENCY_LIMITED = 45009;

    private final IngestionApiClient ingestion = new IngestionApiClient();

    /** What a customer of the test wrote, and the tags it marks them with. */
    private record Line(ExternalCustomer customer, String messageId, String text, Set<String> tags) {
    }

    @Test
    void tagsAndProfilesPendingAtAKillMinusNineAreEachDoneOnceAfterTheRestart(Scope scope) throws Exception {
        WeComActionRows actions = new WeComActionRows(scope.dataSource());
        List<Line> lines = lines(scope);
        try (FakeWeComApi wecom = new FakeWeComApi()) {
            lines.forEach(line -> wecom.externalContact(line.customer().externalUserId(),
                    line.customer().externalContactAnswer()));
            wecom.refuseCustomerCalls(FREQUENCY_LIMITED);
            PackagedApp first = PackagedApp.start(scope.name() + "-first",
                    AlertingTenant.customerContactConfig(scope, wecom), START);
            PackagedApp restarted = null;
            try {
                for (Line line : lines) {
                    assertThat(ingestion.ingestExternal(first.baseUri(), line.customer().externalUserId(),
                            line.messageId(), line.customer().followUser(), line.text()))
                            .as("ingestion of %s", line.messageId()).isEqualTo(202);
                }
                // Every mark and profile read enqueued and refused at least once, none done: the kill falls between.
                await("a tag and a profile action per customer, each refused at least once").atMost(DRAIN)
                        .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(actions.all())
                                .hasSize(2 * CUSTOMERS).allSatisfy(action -> assertThat(action.attempts())
                                        .as("attempts of %s", action).isPositive()));
                assertThat(first.kill()).as("exit code of %s after SIGKILL", first).isEqualTo(137);

                List<Action> leftByTheKill = actions.all();
                assertThat(leftByTheKill).extracting(Action::id).containsExactlyInAnyOrderElementsOf(
                        expectedActionIds(lines));
                assertThat(leftByTheKill).as("actions done or parked when killed")
                        .noneMatch(action -> action.done() || action.parked());
                FakeCorpTags tags = wecom.corpTags();
                // The first attempts created the tags before mark_tag refused: the restart must find, not re-create.
                int tagCreationsBeforeRestart = tags.addCalls();
                assertThat(tags.createdNames(GROUP)).as("tags created before the kill")
                        .containsExactlyInAnyOrder("报价", "样品需求", "代理加盟");

                wecom.acceptCustomerCalls();
                restarted = PackagedApp.start(scope.name() + "-restarted",
                        AlertingTenant.customerContactConfig(scope, wecom), START);
                await("every tag and profile action done").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.countWhere("done_at is not null") == 2L * CUSTOMERS);

                assertThat(actions.all()).as("parked actions").noneMatch(Action::parked);
                Map<String, String> tagIds = tags.liveTags(GROUP);
                for (Line line : lines) {
                    ExternalCustomer customer = line.customer();
                    // Refused marks were not applied, so each customer is marked exactly once, not merely at least.
                    assertThat(marksOf(tags, customer)).as("marks of %s", customer.externalUserId()).singleElement()
                            .satisfies(mark -> {
                                assertThat(mark.userId()).isEqualTo(customer.followUser());
                                assertThat(mark.tagNames()).containsExactlyInAnyOrderElementsOf(line.tags());
                                assertThat(mark.tagIds()).containsExactlyInAnyOrderElementsOf(
                                        line.tags().stream().map(tagIds::get).toList());
                            });
                    assertThat(wecom.profileReads(customer.externalUserId()))
                            .as("profile reads of %s, refused ones included", customer.externalUserId())
                            .isGreaterThanOrEqualTo(2);
                }
                assertThat(tags.createdNames(GROUP)).as("tags created, each name once")
                        .containsExactlyInAnyOrder("报价", "样品需求", "代理加盟");
                assertThat(tags.addCalls()).as("add_corp_tag calls of the restarted app")
                        .isEqualTo(tagCreationsBeforeRestart);
                assertThat(tags.nameTakenAnswers()).as("attempts to create a tag that existed").isZero();

                // No profile was read before the kill, so no relay can have published one twice: one record each.
                List<String> leads = customersOf(lines).stream().map(ExternalCustomer::leadId).toList();
                assertThat(ProfileEvents.publishedOncePerCustomer(scope, customersOf(lines), DRAIN))
                        .extracting(Received::key).as("profile event records")
                        .containsExactlyInAnyOrderElementsOf(leads);
                assertThat(first.logged(CUSTOMER_TAGGED)).as("customers tagged by the killed app").isEmpty();
                assertThat(first.logged(PROFILE_READ)).as("profiles read by the killed app").isEmpty();
                assertThat(restarted.logged(CUSTOMER_TAGGED)).as("customers tagged by the restarted app")
                        .containsExactlyInAnyOrderElementsOf(leads);
                assertThat(restarted.logged(PROFILE_READ)).as("profiles read by the restarted app")
                        .containsExactlyInAnyOrderElementsOf(leads);
            } finally {
                first.close();
                if (restarted != null) {
                    restarted.close();
                }
            }
        }
    }

    @Test
    void aMarkWeComAppliedButTheKilledAppNeverRecordedIsSentAgainIdentically(Scope scope) throws Exception {
        WeComActionRows actions = new WeComActionRows(scope.dataSource());
        Line line = lines(scope).get(0);
        ExternalCustomer customer = line.customer();
        String tagActionId = AlertingTenant.tagActionId(line.messageId());
        try (FakeWeComApi wecom = new FakeWeComApi()) {
            wecom.externalContact(customer.externalUserId(), customer.externalContactAnswer());
            wecom.holdTagMarkAnswers();
            PackagedApp first = PackagedApp.start(scope.name() + "-first",
                    AlertingTenant.customerContactConfig(scope, wecom), START);
            PackagedApp restarted = null;
            try {
                assertThat(ingestion.ingestExternal(first.baseUri(), customer.externalUserId(), line.messageId(),
                        customer.followUser(), line.text())).isEqualTo(202);
                FakeCorpTags tags = wecom.corpTags();
                await("the mark applied in WeCom, its answer held back").atMost(DRAIN)
                        .pollInterval(Duration.ofMillis(20)).until(() -> tags.marks().size() == 1);
                // The worker waits for WeCom's answer with the action locked in its open transaction.
                assertThat(first.kill()).as("exit code of %s after SIGKILL", first).isEqualTo(137);
                assertThat(actions.all()).filteredOn(action -> action.id().equals(tagActionId)).singleElement()
                        .satisfies(action -> {
                            assertThat(action.done()).as("done").isFalse();
                            assertThat(action.attempts()).as("attempts recorded").isZero();
                        });

                // WeCom answers the first mark; nobody is there to record it.
                wecom.acceptCustomerCalls();
                restarted = PackagedApp.start(scope.name() + "-restarted",
                        AlertingTenant.customerContactConfig(scope, wecom), START);
                await("the tag and profile actions done").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.countWhere("done_at is not null") == 2);

                assertThat(actions.all()).filteredOn(action -> action.id().equals(tagActionId)).singleElement()
                        .extracting(Action::attempts).as("attempts recorded").isEqualTo(1);
                // One extra mark, and only for the action in flight at the kill: the same tags for the same customer
                // and follow user, which WeCom's tag set absorbs.
                List<FakeCorpTags.Mark> marks = tags.marks();
                assertThat(marks).as("marks: the one the killed app never recorded, then its resend").hasSize(2);
                assertThat(marks.get(1)).as("the resend").isEqualTo(marks.get(0));
                assertThat(marks.get(0).userId()).isEqualTo(customer.followUser());
                assertThat(marks.get(0).tagNames()).containsExactlyInAnyOrderElementsOf(line.tags());
                assertThat(tags.createdNames(GROUP)).as("tags created, each name once")
                        .containsExactlyInAnyOrderElementsOf(line.tags());
                // The profile may have been read and published before the kill: a record delivered again then
                // carries the same event id, which consumers drop (docs/events).
                ProfileEvents.publishedOncePerCustomer(scope, List.of(customer), DRAIN);
                assertThat(restarted.logged(CUSTOMER_TAGGED)).containsExactly(customer.leadId());
            } finally {
                first.close();
                if (restarted != null) {
                    restarted.close();
                }
            }
        }
    }

    /** A line each of distinct customers, each customer with a follow user (three salespeople share them). */
    private static List<Line> lines(Scope scope) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Map.Entry<String, Set<String>> line = LINES.get(i % LINES.size());
            ExternalCustomer customer = new ExternalCustomer(String.format("wm%s%04d",
                    scope.name().replace("_", ""), i), "sales-" + i % 3);
            lines.add(new Line(customer, scope.name() + "-msg-" + i, line.getKey(), line.getValue()));
        }
        return lines;
    }

    private static List<String> expectedActionIds(List<Line> lines) {
        List<String> ids = new ArrayList<>();
        for (Line line : lines) {
            ids.add(AlertingTenant.tagActionId(line.messageId()));
            ids.add(AlertingTenant.profileActionId(line.customer().leadId()));
        }
        return ids;
    }

    private static List<FakeCorpTags.Mark> marksOf(FakeCorpTags tags, ExternalCustomer customer) {
        return tags.marks().stream().filter(mark -> mark.externalUserId().equals(customer.externalUserId())).toList();
    }

    private static List<ExternalCustomer> customersOf(List<Line> lines) {
        return lines.stream().map(Line::customer).toList();
    }
}
