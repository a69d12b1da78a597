package io.leadlistener.privacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;

/**
 * A WeCom customer talking to the demo tenant through the ingestion API (an archive pipeline, contact kind
 * {@code external}, owned by zhangsan), with a WeCom profile that names them: their text and name go through the
 * inbox, tagging, the lead, the outbox and Kafka, and the action outbox (alert, tag, profile read) — as in production.
 */
final class CustomerConversations {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomerConversations() {
    }

    /** A customer of the demo tenant, named {@code name} in WeCom. */
    record Customer(String externalUserId, String name) {
        String contactKey() {
            return "external:" + externalUserId;
        }

        String leadId() {
            return LeadIds.leadId("demo", "external", externalUserId);
        }
    }

    static Customer newCustomer(String name) {
        Customer customer = new Customer("wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                name);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("external_contact").put("name", name).put("type", 1).put("gender", 2)
                .put("corp_name", name + "的公司");
        answer.putArray("follow_user").addObject().put("userid", "zhangsan").put("remark", name + "-备注")
                .put("createtime", 1_764_000_000L).put("add_way", 1).put("state", "expo2026");
        PrivacyTestResource.server().externalContact(customer.externalUserId(), answer);
        return customer;
    }

    /** @return the message id as the ingestion API was given it */
    static String write(Customer customer, String text) {
        String messageId = "pd-" + UUID.randomUUID();
        ObjectNode message = JSON.createObjectNode().put("tenant", "demo").put("channel", "wecom-archive")
                .put("contactKind", "external").put("contactId", customer.externalUserId())
                .put("messageId", messageId).put("ownerUserId", "zhangsan").put("text", text);
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body(message.toString())
                .when().post("/api/v1/messages").then().statusCode(anyOf(is(202), is(200)));
        return messageId;
    }

    /**
     * Waits until the customer's first message went all the way: its lead's profile was read and published, its
     * alert and tag were sent, and every event of the lead is on Kafka.
     */
    static void settle(Customer customer, InboxRows db, LeadEventsConsumer consumer) {
        consumer.pollUntil(r -> customer.leadId().equals(r.key()) && r.type().equals("lead.profile-updated.v1"),
                r -> !r.isEmpty(), WAIT);
        await().atMost(WAIT).until(() -> db.queryLong("""
                select count(*) from wecom_action where lead_id = ? and done_at is not null
                  and type in ('alert', 'tag', 'profile')""", customer.leadId()) >= 3
                && db.queryLong("select count(*) from outbox_event where aggregateid = ? and published_at is null",
                customer.leadId()) == 0
                && db.countWhere("contact_key = ? and status = 'pending'", customer.contactKey()) == 0);
    }

    /** How many rows of {@code table} hold {@code fragment} anywhere (every column, as the row's text). */
    static long rowsHolding(InboxRows db, String table, String fragment) {
        return db.queryLong("select count(*) from " + table + " t where t::text like ?", "%" + fragment + "%");
    }
}
