package io.leadlistener.health;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class HealthEndpointsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessReportsTheDatabaseAndNeverKafka() {
        management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("kafka")));
    }

    @Test
    void wellnessReportsARealKafkaBroker() {
        management().when().get("/q/health/well")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.brokers", equalTo(1));
    }

    @Test
    void readinessIncludesTheIntentRulesInForce() {
        management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'intent-rules' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'intent-rules' }.data.keySet()", hasItem("default"))
                .body("checks.find { it.name == 'intent-rules' }.data.keySet()", hasItem("demo"));
    }

    @Test
    void wellnessShowsInboxAndOutboxFiguresAndTurnsDownWhenEitherFallsBehind() {
        management().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.find { it.name == 'inbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'inbox' }.data.keySet()",
                        hasItems("pendingRows", "oldestPendingAgeSeconds", "parkedRows", "maxBacklogAgeSeconds"))
                .body("checks.find { it.name == 'outbox-relay' }.data.keySet()",
                        hasItems("pendingEvents", "oldestPendingAgeSeconds", "parkedEvents", "maxLagSeconds"));

        InboxRows rows = new InboxRows(dataSource);
        String stuck = "stuck-" + UUID.randomUUID();
        // Not due for an hour, so no worker or relay touches them: a backlog that is old, deterministically.
        rows.update("""
                insert into inbox_message (tenant_id, source, dedupe_key, contact_key, msg_type, payload, received_at,
                    next_attempt_at)
                values ('demo', 'wecom-callback', ?, ?, 'text', '<xml/>', now() - interval '10 minutes',
                    now() + interval '1 hour')""", stuck, "user:" + stuck);
        rows.update("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, "timestamp", payload, next_attempt_at)
                values (?, 'lead', ?, 'lead.created.v1', now() - interval '10 minutes', '{}', now() + interval '1 hour')
                """, stuck, stuck);
        try {
            management().when().get("/q/health/well")
                    .then().statusCode(503)
                    .body("checks.find { it.name == 'inbox' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'inbox' }.data.error", containsString("oldest pending row waited"))
                    .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'outbox-relay' }.data.error",
                            containsString("oldest unpublished event"));
            management().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            rows.update("delete from inbox_message where dedupe_key = ?", stuck);
            rows.update("delete from outbox_event where id = ?", stuck);
        }
        management().when().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void livenessIsUp() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
