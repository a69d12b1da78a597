package io.leadlistener.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lead events as a consumer team receives them ({@code docs/events/README.md}): per lead in partition order, where a
 * record may be delivered again with the same id. Checks the contract's promises for each lead's history.
 */
public final class DeliveredLeadEvents {

    public static final String CREATED = "lead.created.v1";
    public static final String INTENT_TAGGED = "lead.intent-tagged.v1";

    private final Map<String, List<Received>> byLead;

    private DeliveredLeadEvents(Map<String, List<Received>> byLead) {
        this.byLead = byLead;
    }

    public static DeliveredLeadEvents of(List<Received> records) {
        Map<String, List<Received>> byLead = records.stream()
                .sorted(Comparator.comparingInt(Received::partition).thenComparingLong(Received::offset))
                .collect(Collectors.groupingBy(Received::key, LinkedHashMap::new, Collectors.toList()));
        return new DeliveredLeadEvents(byLead);
    }

    /** Every record of the lead, redeliveries included, in the order a consumer reads them. */
    public List<Received> records(String leadId) {
        return byLead.getOrDefault(leadId, List.of());
    }

    /** Records that repeat the id of the record right before them: redeliveries after a lost acknowledgement. */
    public long redeliveries() {
        return byLead.keySet().stream().mapToLong(lead -> records(lead).size() - logical(lead).size()).sum();
    }

    public long recordCount() {
        return byLead.values().stream().mapToLong(List::size).sum();
    }

    /**
     * The lead's events once each: a record with the same id as the one just before it is a redelivery and is dropped.
     * The relay has one event of a lead in flight at a time, so a redelivery can only follow its original directly.
     */
    public List<Received> logical(String leadId) {
        List<Received> logical = new ArrayList<>();
        for (Received record : records(leadId)) {
            if (logical.isEmpty() || !logical.get(logical.size() - 1).id().equals(record.id())) {
                logical.add(record);
            }
        }
        return logical;
    }

    /**
     * Asserts the lead's whole history: one {@code lead.created.v1} first, then one {@code lead.intent-tagged.v1}
     * per message in {@code messageIds} order, nothing else, no event id twice (other than a redelivery right after
     * its original), and key, subject and {@code data.leadId} all the lead id.
     */
    public void assertHistory(String leadId, List<String> messageIds) {
        List<Received> records = records(leadId);
        List<Received> logical = logical(leadId);
        assertThat(records).as("records of lead %s", leadId).isNotEmpty().allSatisfy(record -> {
            assertThat(record.event().path("subject").asText()).isEqualTo(leadId);
            assertThat(record.data().path("leadId").asText()).isEqualTo(leadId);
        });
        assertThat(logical).as("events of lead %s by id (a repeated id apart from a redelivery right after its "
                + "original means a second logical event or an order violation): %s", leadId, describe(records))
                .extracting(Received::id).doesNotHaveDuplicates();
        List<String> expectedTypes = new ArrayList<>(List.of(CREATED));
        messageIds.forEach(message -> expectedTypes.add(INTENT_TAGGED));
        assertThat(logical).as("event types of lead %s: %s", leadId, describe(records))
                .extracting(Received::type).containsExactlyElementsOf(expectedTypes);
        assertThat(logical.subList(1, logical.size())).as("tagged messages of lead %s, in order", leadId)
                .extracting(record -> record.data().path("message").path("id").asText())
                .containsExactlyElementsOf(messageIds);
        assertThat(logical.get(0).data().path("message").path("id").asText())
                .as("lead %s is created by its first tagged message", leadId)
                .isEqualTo(messageIds.isEmpty() ? "" : messageIds.get(0));
    }

    private static String describe(List<Received> records) {
        return records.stream()
                .map(record -> record.type() + "(" + record.data().path("message").path("id").asText() + ", id "
                        + record.id().substring(0, 8) + ", offset " + record.offset() + ")")
                .collect(Collectors.joining(", "));
    }
}
