package io.leadlistener.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code lead.profile-updated.v1} events packaged applications published to a test's topic. */
public final class ProfileEvents {

    public static final String TYPE = "lead.profile-updated.v1";

    private ProfileEvents() {
    }

    /**
     * Reads the topic until every customer's profile event arrived (or {@code within} passed), then two seconds longer:
     * a second event, or a record delivered again, would come after. Asserts one event — one distinct id — per
     * customer, naming them.
     *
     * @return the profile event records of the customers, any redelivery included
     */
    public static List<Received> publishedOncePerCustomer(PackagedAppEnvironment.Scope scope,
                                                          Collection<ExternalCustomer> customers, Duration within) {
        Map<String, ExternalCustomer> byLead = customers.stream()
                .collect(Collectors.toMap(ExternalCustomer::leadId, Function.identity()));
        List<Received> published;
        try (LeadEventsConsumer events = scope.consumer()) {
            events.pollUntil(record -> record.type().equals(TYPE), records -> records.stream().map(Received::key)
                    .collect(Collectors.toSet()).containsAll(byLead.keySet()), within);
            published = events.pollUntil(record -> record.type().equals(TYPE), records -> false,
                    Duration.ofSeconds(2));
        }
        Map<String, Set<String>> eventIdsByLead = published.stream().collect(Collectors.groupingBy(Received::key,
                Collectors.mapping(Received::id, Collectors.toCollection(TreeSet::new))));
        assertThat(eventIdsByLead.keySet()).as("leads with a profile event").isEqualTo(byLead.keySet());
        eventIdsByLead.forEach((leadId, ids) -> assertThat(ids).as("profile events of %s", leadId).hasSize(1));
        for (Received event : published) {
            assertThat(event.data().at("/profile/name").asText()).as("name in the profile of %s", event.key())
                    .isEqualTo(byLead.get(event.key()).name());
        }
        return published;
    }
}
