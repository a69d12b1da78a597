package io.leadlistener.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.Outbox;
import io.leadlistener.stats.HourlyCounters;
import io.leadlistener.stats.StatsCounter;
import io.leadlistener.stats.StatsMeasure;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes gathered over a transaction (issue 24): made once, just before the commit, with the transaction — or not at
 * all. Checked on the real writers (outbox events, hourly counters) against PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class DeferredWritesTest {

    @Inject
    DeferredWrites deferred;

    @Inject
    Outbox outbox;

    @Inject
    HourlyCounters counters;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionJdbc jdbc;

    private InboxRows database;
    private String tenant;

    @BeforeEach
    void setUp() {
        database = new InboxRows(dataSource);
        tenant = "deferred-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Records what it was asked to flush. */
    private static final class Recording implements DeferredWrites.Batch {
        final List<String> added = new ArrayList<>();
        final List<List<String>> flushes = new ArrayList<>();

        @Override
        public void flush() {
            flushes.add(List.copyOf(added));
        }
    }

    @Test
    void aBatchIsFlushedOnceWithEverythingAddedInItsTransaction() {
        Object kind = new Object();
        Recording batch = QuarkusTransaction.requiringNew().call(() -> {
            Recording first = deferred.batch(kind, Recording::new);
            first.added.add("a");
            Recording second = deferred.batch(kind, Recording::new);
            second.added.add("b");
            assertThat(second).isSameAs(first);
            assertThat(first.flushes).as("nothing is written before the commit").isEmpty();
            return first;
        });

        assertThat(batch.flushes).containsExactly(List.of("a", "b"));
    }

    @Test
    void aRolledBackTransactionFlushesNothing() {
        Recording[] batch = new Recording[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            batch[0] = deferred.batch(new Object(), Recording::new);
            batch[0].added.add("a");
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");

        assertThat(batch[0].flushes).isEmpty();
    }

    @Test
    void outsideATransactionADeferredWriteIsRefused() {
        assertThatThrownBy(() -> deferred.batch(new Object(), Recording::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void countersOfOneTransactionAreSummedIntoOneRowPerCounterAndHour() {
        Instant at = Instant.parse("2026-12-06T10:15:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            counters.add(tenant, at, List.of(StatsCounter.one(StatsMeasure.LEADS_CREATED)));
            counters.add(tenant, at.plusSeconds(600), List.of(StatsCounter.one(StatsMeasure.LEADS_CREATED)));
            counters.add(tenant, at.plusSeconds(3600), List.of(StatsCounter.one(StatsMeasure.LEADS_CREATED)));
        });

        List<Map<String, Object>> rows = database.query(
                "select hour, sum(value) as value, count(*) as shards from lead_stats_hourly where tenant_id = ?"
                        + " group by hour order by hour", tenant);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("value")).isEqualTo(java.math.BigDecimal.valueOf(2));
        assertThat(rows.get(0).get("shards")).isEqualTo(1L);
        assertThat(rows.get(1).get("value")).isEqualTo(java.math.BigDecimal.valueOf(1));
    }

    @Test
    void aFailingFlushRollsBackTheWholeTransaction() {
        Instant at = Instant.parse("2026-12-06T11:00:00Z");
        String leadId = "lead-" + tenant;
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            counters.add(tenant, at, List.of(StatsCounter.one(StatsMeasure.LEADS_CREATED)));
            outbox.append(UUID.randomUUID().toString(), leadId, "lead.created.v1", at, "{}", false);
            DeferredWrites.Batch failing = () -> {
                throw new IllegalStateException("flush failed");
            };
            deferred.batch(new Object(), () -> failing);
        })).isInstanceOf(RuntimeException.class);

        assertThat(database.queryLong("select count(*) from lead_stats_hourly where tenant_id = ?", tenant))
                .isZero();
        assertThat(database.queryLong("select count(*) from outbox_event where aggregateid = ?", leadId)).isZero();
    }

    @Test
    void eventsOfOneTransactionAreInsertedInTheOrderTheyWereAppendedAndARepeatIsIgnored() {
        String leadId = "lead-" + tenant;
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        Instant at = Instant.parse("2026-12-06T12:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String id : ids) {
                outbox.append(id, leadId, "lead.intent-tagged.v1", at, "{\"id\":\"" + id + "\"}", id.equals(ids.get(0)));
            }
            outbox.append(ids.get(1), leadId, "lead.intent-tagged.v1", at, "{\"repeat\":true}", false);
            // Registered after the outbox's batch, so flushed after it (and before the commit): the relay never
            // sees these test events as pending, and they never reach other tests' consumers.
            DeferredWrites.Batch publish = () -> jdbc.update(
                    "update outbox_event set published_at = clock_timestamp() where aggregateid = ?",
                    statement -> statement.setString(1, leadId));
            deferred.batch(new Object(), () -> publish);
        });

        List<Map<String, Object>> rows = database.query("select id, payload, first_capture, \"timestamp\""
                + " from outbox_event where aggregateid = ? order by seq", leadId);
        assertThat(rows).extracting(row -> row.get("id")).containsExactlyElementsOf(ids);
        assertThat(rows.get(1).get("payload")).isEqualTo("{\"id\":\"" + ids.get(1) + "\"}");
        assertThat(rows).extracting(row -> row.get("first_capture")).containsExactly(true, false, false);
        assertThat(((java.sql.Timestamp) rows.get(0).get("timestamp")).toInstant()).isEqualTo(at);
    }
}
