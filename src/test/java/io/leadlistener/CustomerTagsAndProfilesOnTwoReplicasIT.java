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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: two instances of the packaged application on one PostgreSQL mark and read WeCom customers through the same
 * WeCom API. Each customer writes several lines with different intents, alternating between the instances; WeCom
 * refuses marks and profile reads (rate limited) until all are enqueued, so that both action workers race over the
 * backlog. Both instances also resolve the first missing tag at the same moment, so both try to create it and WeCom
 * refuses one of them (40071, name taken): that one must take the other's tag, not fail the mark. Every (customer,
 * follow user, intent) must be marked exactly once, every tag name created once, every profile published once.
 */
@ExtendWith(PackagedAppEnvironment.class)
class CustomerTagsAndProfilesOnTwoReplicasIT {

    private static final String GROUP = "线索意向";
    /**
     * A customer's lines in the order they write them, and the tags each line's intents call for. The last line only
     * repeats intents marked before: it marks nothing new.
     */
    private static final List<Map.Entry<String, Set<String>>> LINES = List.of(
            Map.entry("报价多少", Set.of("报价")),
            Map.entry("样品怎么申请", Set.of("样品需求")),
            Map.entry("想做你们的区域代理", Set.of("代理加盟")),
            Map.entry("报价多少？能寄两个样品吗", Set.of("报价", "样品需求")));
    private static final int CUSTOMERS = 12;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** Logged by the action worker for each customer WeCom marked; the group is the lead. */
    private static final Pattern CUSTOMER_TAGGED = Pattern.compile("Customer tagged \\S+ tenant=demo lead=(\\S+)");
    /** Logged by the action worker for each profile read; the group is the lead. */
    private static final Pattern PROFILE_READ = Pattern.compile("Customer profile \\S+ tenant=demo lead=(\\S+)");
    private static final int FREQUENCY_LIMITED = 45009;

    @Test
    void twoInstancesMarkEachIntentOnceCreateEachTagOnceAndPublishEachProfileOnce(Scope scope) throws Exception {
        WeComActionRows actions = new WeComActionRows(scope.dataSource());
        IngestionApiClient ingestion = new IngestionApiClient();
        List<ExternalCustomer> customers = new ArrayList<>();
        // "<external_userid> <follow user> <tag>" for every mark the customers' lines call for, once each.
        List<String> expectedMarks = new ArrayList<>();
        try (FakeWeComApi wecom = new FakeWeComApi()) {
            wecom.refuseCustomerCalls(FREQUENCY_LIMITED);
            wecom.pairTagListReads();
            PackagedApp a = null;
            PackagedApp b = null;
            try {
                a = PackagedApp.launch(scope.name() + "-a", replicaConfig(scope, wecom));
                b = PackagedApp.launch(scope.name() + "-b", replicaConfig(scope, wecom));
                a.awaitReady(START);
                b.awaitReady(START);
                List<URI> apps = List.of(a.baseUri(), b.baseUri());
                int tagActions = 0;
                for (int i = 0; i < CUSTOMERS; i++) {
                    ExternalCustomer customer = new ExternalCustomer(String.format("wm%s%04d",
                            scope.name().replace("_", ""), i), "sales-" + i % 4);
                    customers.add(customer);
                    wecom.externalContact(customer.externalUserId(), customer.externalContactAnswer());
                    Set<String> marked = new LinkedHashSet<>();
                    for (int line = 0; line <= i % LINES.size(); line++) {
                        String messageId = customer.externalUserId() + "-msg-" + line;
                        // A customer's lines alternate between the instances; the next only once stored.
                        assertThat(ingestion.ingestExternal(apps.get((i + line) % 2), customer.externalUserId(),
                                messageId, customer.followUser(), LINES.get(line).getKey()))
                                .as("ingestion of %s", messageId).isEqualTo(202);
                        if (marked.addAll(LINES.get(line).getValue())) {
                            tagActions++;
                        }
                    }
                    marked.forEach(tag -> expectedMarks.add(mark(customer, tag)));
                }
                long enqueued = tagActions + CUSTOMERS;
                await("a tag action per line with a new intent, a profile action per customer").atMost(DRAIN)
                        .pollInterval(Duration.ofMillis(100)).until(() -> actions.count() == enqueued);

                wecom.acceptCustomerCalls();
                await("every action done").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> actions.countWhere("done_at is not null") == enqueued);

                assertThat(actions.all()).as("parked actions").noneMatch(Action::parked);
                FakeCorpTags tags = wecom.corpTags();
                List<String> marks = tags.marks().stream().flatMap(mark -> mark.tagNames().stream()
                        .map(tag -> mark.externalUserId() + " " + mark.userId() + " " + tag)).toList();
                assertThat(marks).as("(customer, follow user, tag) marked, each once")
                        .containsExactlyInAnyOrderElementsOf(expectedMarks);
                assertThat(tags.createdNames(GROUP)).as("tags created, each name once")
                        .containsExactlyInAnyOrder("报价", "样品需求", "代理加盟");
                // The paired tag-list reads made both instances create 报价 at once; WeCom refused one of them.
                assertThat(tags.nameTakenAnswers()).as("add_corp_tag refused with 40071, name taken")
                        .isPositive();
                for (PackagedApp app : List.of(a, b)) {
                    assertThat(app.managementGet("/q/metrics")).as("metrics of %s", app)
                            .doesNotContainPattern("leadlistener_actions_outcomes_total\\{[^}]*errcode=\"40071\"");
                }
                assertThat(ProfileEvents.publishedOncePerCustomer(scope, customers, DRAIN))
                        .extracting(Received::key).as("profile event records, one per customer")
                        .containsExactlyInAnyOrderElementsOf(customers.stream().map(ExternalCustomer::leadId)
                                .toList());

                List<String> taggedByA = a.logged(CUSTOMER_TAGGED);
                List<String> taggedByB = b.logged(CUSTOMER_TAGGED);
                List<String> profilesByA = a.logged(PROFILE_READ);
                List<String> profilesByB = b.logged(PROFILE_READ);
                System.out.printf("Customers tagged: %d by %s, %d by %s; profiles read: %d and %d; tag names"
                                + " refused as taken: %d%n", taggedByA.size(), a, taggedByB.size(), b,
                        profilesByA.size(), profilesByB.size(), tags.nameTakenAnswers());
                assertThat(taggedByA).as("customers tagged by %s", a).isNotEmpty();
                assertThat(taggedByB).as("customers tagged by %s", b).isNotEmpty();
                List<String> tagged = new ArrayList<>(taggedByA);
                tagged.addAll(taggedByB);
                assertThat(countByLead(tagged)).as("marks per lead by either instance")
                        .isEqualTo(countByLead(actions.all().stream().filter(action -> action.type().equals("tag"))
                                .map(Action::leadId).toList()));
                List<String> profiled = new ArrayList<>(profilesByA);
                profiled.addAll(profilesByB);
                assertThat(profiled).as("profiles read by either instance")
                        .containsExactlyInAnyOrderElementsOf(customers.stream().map(ExternalCustomer::leadId)
                                .toList());
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
     * As an operator would configure a replica, tuned for contention: a worker claiming few actions per round, so that
     * both workers take turns on the backlog rather than one draining it in a single round.
     */
    private static Map<String, String> replicaConfig(Scope scope, FakeWeComApi wecom) {
        Map<String, String> config = AlertingTenant.customerContactConfig(scope, wecom);
        config.put("leadlistener.actions.worker.batch-size", "2");
        return config;
    }

    private static String mark(ExternalCustomer customer, String tag) {
        return customer.externalUserId() + " " + customer.followUser() + " " + tag;
    }

    private static Map<String, Long> countByLead(List<String> leadIds) {
        return leadIds.stream().collect(Collectors.groupingBy(leadId -> leadId, Collectors.counting()));
    }
}
