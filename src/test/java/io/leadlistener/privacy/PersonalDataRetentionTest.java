package io.leadlistener.privacy;

import static io.leadlistener.privacy.CustomerConversations.rowsHolding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventSchemas;
import io.leadlistener.inbox.InboxTextPurge;
import io.leadlistener.privacy.CustomerConversations.Customer;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's text retention (30 days) reaches the outbox, the action outbox, lead profiles and tagging explanations:
 * rows older than it by their own timestamp lose the customer's text and name, younger rows keep them; a pending event
 * is still published, without text; an action not yet sent is finished as {@code purged}.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = PrivacyTestResource.class, restrictToAnnotatedClass = true)
class PersonalDataRetentionTest {

    private static final List<String> TABLES = List.of("inbox_message", "outbox_event", "wecom_action", "lead");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PersonalDataRetention retention;
    @Inject
    InboxTextPurge inboxTextPurge;

    private InboxRows db;
    private LeadEventsConsumer consumer;

    @BeforeEach
    void setUp() {
        db = new InboxRows(dataSource);
        consumer = new LeadEventsConsumer();
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void rowsOlderThanTheRetentionLoseTextAndNamesYoungerRowsKeepThem() throws Exception {
        Customer old = CustomerConversations.newCustomer("东方既白");
        Customer young = CustomerConversations.newCustomer("南宫未央");
        CustomerConversations.write(old, "能给个报价吗？旧暗号青铜鼎");
        CustomerConversations.write(young, "能给个报价吗？新暗号白玉杯");
        CustomerConversations.settle(old, db, consumer);
        CustomerConversations.settle(young, db, consumer);

        // The old customer's rows are 31 days old, each by its own timestamp; one more of its events and one more
        // alert wait, not yet sent.
        String pendingEvent = UUID.randomUUID().toString();
        db.update("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, "timestamp", payload, next_attempt_at)
                select ?, aggregatetype, aggregateid, type, "timestamp", payload, now() + interval '1 day'
                from outbox_event where aggregateid = ? and type = 'lead.intent-tagged.v1'""", pendingEvent,
                old.leadId());
        String pendingAlert = "alert-" + UUID.randomUUID();
        db.update("""
                insert into wecom_action (id, tenant_id, lead_id, type, payload, facts, next_attempt_at, not_before)
                select ?, tenant_id, lead_id, type, payload, facts, now() + interval '1 day', now() + interval '1 day'
                from wecom_action where lead_id = ? and type = 'alert'""", pendingAlert, old.leadId());
        db.update("update inbox_message set received_at = received_at - interval '31 days' where contact_key = ?",
                old.contactKey());
        db.update("update outbox_event set \"timestamp\" = \"timestamp\" - interval '31 days' where aggregateid = ?",
                old.leadId());
        db.update("update wecom_action set created_at = created_at - interval '31 days' where lead_id = ?",
                old.leadId());
        db.update("update lead set profile_updated_at = profile_updated_at - interval '31 days' where lead_id = ?",
                old.leadId());
        assertThat(rowsHolding(db, "outbox_event", "青铜鼎")).as("created, tagged and its copy").isEqualTo(3);

        inboxTextPurge.purgeExpiredText();
        PersonalDataRetention.Purged purged = retention.purgeExpired();

        assertThat(purged.events()).isGreaterThanOrEqualTo(4);
        assertThat(purged.actionsStopped()).isGreaterThanOrEqualTo(1);
        for (String table : TABLES) {
            for (String fragment : List.of("青铜鼎", old.name())) {
                assertThat(rowsHolding(db, table, fragment)).as("%s rows holding '%s'", table, fragment).isZero();
            }
        }
        assertThat(rowsHolding(db, "inbox_message", "白玉杯")).isEqualTo(1);
        assertThat(rowsHolding(db, "outbox_event", "白玉杯")).as("created, tagged").isEqualTo(2);
        assertThat(rowsHolding(db, "outbox_event", young.name())).as("profile-updated").isEqualTo(1);
        assertThat(rowsHolding(db, "wecom_action", "白玉杯")).as("the alert").isEqualTo(1);
        assertThat(rowsHolding(db, "lead", young.name())).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from outbox_event where aggregateid = ? and text_purged_at is null",
                young.leadId())).isEqualTo(3);

        assertThat(db.queryLong("select count(*) from outbox_event where aggregateid = ?", old.leadId()))
                .as("rows kept").isEqualTo(4);
        assertThat(db.queryLong("select count(*) from outbox_event where aggregateid = ? and text_purged_at is not null",
                old.leadId())).isEqualTo(4);
        assertThat(db.queryLong("""
                select count(*) from inbox_message where contact_key = ? and tagging_purged_at is not null
                  and tagging like '%"start"%' and tagging not like '%"text"%'""", old.contactKey())).isEqualTo(1);
        assertThat(db.queryLong("""
                select count(*) from wecom_action where id = ? and done_at is not null and outcome = 'purged'
                  and payload not like '%"markdown":%' and facts ->> 'messages' = '1'""", pendingAlert)).isEqualTo(1);
        assertThat(db.queryLong("""
                select count(*) from lead where lead_id = ? and profile_purged_at is not null
                  and profile ->> 'source' = 'externalcontact' and profile -> 'followUsers' -> 0 ->> 'userId' = 'zhangsan'
                  and profile -> 'name' is null""", old.leadId())).isEqualTo(1);

        // The pending event, scrubbed, is still published — without text.
        db.update("update outbox_event set next_attempt_at = now() where id = ?", pendingEvent);
        List<Received> tagged = consumer.pollUntil(r -> old.leadId().equals(r.key())
                && r.type().equals("lead.intent-tagged.v1"), r -> r.size() >= 2, CustomerConversations.WAIT);
        assertThat(tagged).hasSize(2);
        Received published = tagged.get(1);
        assertThat(published.raw()).doesNotContain("青铜鼎");
        JsonNode data = published.data();
        assertThat(data.path("intents").toString()).isEqualTo("[\"quote\"]");
        assertThat(data.at("/matches/0/start").asInt()).isEqualTo(3);
        EventSchemas.assertValid(published.raw());

        // A second run finds nothing left.
        assertThat(retention.purgeExpired().total()).isZero();
    }
}
