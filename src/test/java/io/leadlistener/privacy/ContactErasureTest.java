package io.leadlistener.privacy;

import static io.leadlistener.privacy.CustomerConversations.rowsHolding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.privacy.CustomerConversations.Customer;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer asks to be forgotten: after their messages went through the whole pipeline (ingestion API → inbox →
 * tagging → lead → outbox → Kafka, alert, tag and profile read in WeCom), an operator's erasure leaves their text and
 * name in no column of the inbox, outbox, action and lead tables, keeps every row and id, and publishes nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = PrivacyTestResource.class, restrictToAnnotatedClass = true)
class ContactErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("inbox_message", "outbox_event", "wecom_action", "lead");

    @Inject
    AgroalDataSource dataSource;

    private InboxRows db;
    private LeadEventsConsumer consumer;

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()
                    && !record.getLoggerName().startsWith("io.leadlistener.testsupport")) {
                logLines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        db = new InboxRows(dataSource);
        consumer = new LeadEventsConsumer();
        Logger.getLogger("io.leadlistener").addHandler(logCapture);
    }

    @AfterEach
    void close() {
        Logger.getLogger("io.leadlistener").removeHandler(logCapture);
        consumer.close();
    }

    @Test
    void erasureLeavesNoTextOrNameKeepsEveryRowAndPublishesNothing() throws Exception {
        Customer customer = CustomerConversations.newCustomer("欧阳紫霞");
        Customer bystander = CustomerConversations.newCustomer("司马青衫");
        String secret = "紫色长颈鹿";
        CustomerConversations.write(customer, "你好，能给个报价吗？暗号" + secret);
        CustomerConversations.write(bystander, "能给个报价吗？暗号蓝色企鹅");
        CustomerConversations.settle(customer, db, consumer);
        CustomerConversations.settle(bystander, db, consumer);
        // A second tagged message inside the customer's 5-minute window: its alert waits, still to be sent.
        String later = CustomerConversations.write(customer, "多少钱？再给个报价，" + secret + "二号");
        await().atMost(CustomerConversations.WAIT).until(() -> db.queryLong("""
                select count(*) from wecom_action where lead_id = ? and type = 'alert' and done_at is null
                  and payload like ?""", customer.leadId(), "%" + secret + "二号%") == 1);
        assertThat(later).isNotBlank();
        for (String fragment : List.of(secret, customer.name())) {
            assertThat(TABLES.stream().mapToLong(table -> rowsHolding(db, table, fragment)).sum())
                    .as("the pipeline stored '%s'", fragment).isGreaterThanOrEqualTo(3);
        }
        Map<String, List<Map<String, Object>>> idsBefore = ids(customer);
        long outboxRowsBefore = db.queryLong("select count(*) from outbox_event");
        int recordsBefore = consumer.forLead(customer.leadId(), Duration.ofSeconds(1)).size();
        int appMessagesBefore = PrivacyTestResource.server().appMessages().size();

        JsonNode report = erase(customer.contactKey()).then().statusCode(200).extract().as(JsonNode.class);

        assertThat(report.path("tenant").asText()).isEqualTo("demo");
        assertThat(report.path("contactId").asText()).isEqualTo(customer.contactKey());
        assertThat(report.path("erasedBy").asText()).isEqualTo("demo-operator");
        assertThat(report.path("leadIds").toString()).isEqualTo("[\"" + customer.leadId() + "\"]");
        assertThat(report.at("/inbox/rows").asInt()).isEqualTo(2);
        assertThat(report.at("/inbox/cleared").asInt()).isEqualTo(2);
        assertThat(report.at("/outbox/cleared").asInt()).as("created, 2 × tagged, profile").isEqualTo(4);
        assertThat(report.at("/actions/cleared").asInt()).as("2 alerts").isGreaterThanOrEqualTo(2);
        assertThat(report.at("/actions/stopped").asInt()).as("the waiting alert").isEqualTo(1);
        assertThat(report.at("/leads/cleared").asInt()).isEqualTo(1);

        for (String table : TABLES) {
            for (String fragment : List.of(secret, customer.name(), "你好，能给个报价吗")) {
                assertThat(rowsHolding(db, table, fragment)).as("%s rows holding '%s'", table, fragment).isZero();
            }
        }
        assertThat(rowsHolding(db, "outbox_event", "蓝色企鹅")).as("another customer's text stays").isPositive();
        // The leads API reads the same rows: no name, no text, no matched words, and says why.
        String shown = given().auth().oauth2("test-admin-token").when()
                .get("/api/v1/tenants/demo/leads/" + customer.leadId()).then().statusCode(200).extract().asString();
        assertThat(shown).doesNotContain(secret, customer.name(), "报价吗").contains("\"textAbsent\":\"purged\"");
        assertThat(rowsHolding(db, "lead", bystander.name())).as("another customer's name stays").isEqualTo(1);
        assertThat(ids(customer)).as("every row and id kept").isEqualTo(idsBefore);
        assertThat(db.queryLong("""
                select count(*) from lead where lead_id = ? and profile -> 'followUsers' -> 0 ->> 'userId' = 'zhangsan'
                  and profile_hash is not null and profile_purged_at is not null""", customer.leadId())).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from wecom_action where lead_id = ? and done_at is not null"
                + " and outcome = 'purged'", customer.leadId())).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from outbox_event")).as("no outbox row added")
                .isEqualTo(outboxRowsBefore);
        assertThat(consumer.forLead(customer.leadId(), Duration.ofSeconds(4))).as("nothing new on Kafka")
                .hasSize(recordsBefore);
        assertThat(PrivacyTestResource.server().appMessages()).as("the waiting alert is never sent")
                .hasSize(appMessagesBefore);

        List<Map<String, Object>> audit = db.query("""
                select requested_by, cast(cleared as text) as cleared from personal_data_erasure
                where tenant_id = 'demo' and contact_key = ?""", customer.contactKey());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("requested_by")).isEqualTo("demo-operator");
        assertThat(JSON.readTree((String) audit.get(0).get("cleared")).at("/leads/cleared").asInt()).isEqualTo(1);

        // Again: nothing left to clear, said so, audited again, still nothing published.
        erase(customer.contactKey()).then().statusCode(200)
                .body("inbox.rows", equalTo(2)).body("inbox.cleared", equalTo(0))
                .body("outbox.cleared", equalTo(0)).body("actions.cleared", equalTo(0))
                .body("actions.stopped", equalTo(0)).body("leads.cleared", equalTo(0));
        assertThat(db.queryLong("select count(*) from personal_data_erasure where contact_key = ?",
                customer.contactKey())).isEqualTo(2);
        assertThat(ids(customer)).isEqualTo(idsBefore);
        assertThat(db.queryLong("select count(*) from outbox_event")).isEqualTo(outboxRowsBefore);

        // INFO and WARN lines followed the customer by mask only, never by id, name or text.
        String mask = ContactMask.of(customer.contactKey());
        assertThat(logLines).anyMatch(line -> line.startsWith("Processed inbox row") && line.contains(
                "contact=" + mask + " "));
        assertThat(logLines).anyMatch(line -> line.startsWith("Admin demo-operator erased the personal data of "
                + "contact " + mask + " tenant=demo"));
        assertThat(logLines).noneMatch(line -> line.contains(customer.externalUserId())
                || line.contains(customer.name()) || line.contains(secret));
    }

    @Test
    void answersNotFoundForAnUnknownTenantAndBadRequestForAnUnknownKindOfContact() {
        given().auth().oauth2("test-admin-token").urlEncodingEnabled(false)
                .post("/api/v1/tenants/nowhere/contacts/external%3AwmAAAA/erasure").then().statusCode(404)
                .body("type", equalTo("urn:problem-type:wecom-lead-listener:unknown-tenant"));
        given().auth().oauth2("test-demo-operator-token").urlEncodingEnabled(false)
                .post("/api/v1/tenants/demo/contacts/kf%3AwkAAAA/erasure").then().statusCode(400)
                .body("type", equalTo("urn:problem-type:wecom-lead-listener:invalid-contact-id"));
        given().auth().oauth2("test-demo-editor-token").urlEncodingEnabled(false)
                .post("/api/v1/tenants/demo/contacts/external%3AwmAAAA/erasure").then().statusCode(403)
                .body("missingRole", equalTo("operator"));
        assertThat(db.queryLong("select count(*) from personal_data_erasure where contact_key = 'external:wmAAAA'"))
                .isZero();
    }

    private static Response erase(String contactKey) {
        return given().auth().oauth2("test-demo-operator-token").urlEncodingEnabled(false)
                .post("/api/v1/tenants/demo/contacts/" + contactKey.replace(":", "%3A") + "/erasure");
    }

    /** The ids of every row of the customer, per table. */
    private Map<String, List<Map<String, Object>>> ids(Customer customer) {
        return Map.of(
                "inbox_message", db.query("select id, msg_id, content_length, intents::text from inbox_message"
                        + " where contact_key = ? order by id", customer.contactKey()),
                "outbox_event", db.query("select id, type, \"timestamp\" from outbox_event where aggregateid = ?"
                        + " order by seq", customer.leadId()),
                "wecom_action", db.query("select id, type, created_at, folded_into from wecom_action"
                        + " where lead_id = ? order by seq", customer.leadId()),
                "lead", db.query("select lead_id, contact_id, intent_counts::text, first_seen_at, last_seen_at"
                        + " from lead where lead_id = ?", customer.leadId()));
    }
}
