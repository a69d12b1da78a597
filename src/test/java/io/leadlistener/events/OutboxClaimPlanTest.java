package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.PreparedStatementPlans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the relay claims hinted events once per round; PostgreSQL must not plan that claim afresh for each array
 * of seqs (it judged custom plans cheaper and planned most executions, 0.24 ms each).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class OutboxClaimPlanTest {

    @Inject
    OutboxClaims claims;

    @Inject
    TransactionJdbc jdbc;

    @Test
    void theHintedClaimKeepsItsGenericPlanWhateverTheSeqs() {
        List<PreparedStatementPlans.Counts> plans = PreparedStatementPlans.after(jdbc, () -> {
            for (long execution = 0; execution < 12; execution++) {
                // Seqs no event has: nothing is locked, but each execution is planned or not all the same.
                claims.claimHintedHeads(List.of(-1 - execution, -100 - execution, -1000 - execution));
            }
        }, "%unnest(cast($1 as bigint[])) as hinted(seq)%");

        assertThat(plans).as("the hinted claim prepared on the connection").hasSize(1);
        assertThat(plans.get(0).custom()).as("custom plans (one planning per execution)").isZero();
        assertThat(plans.get(0).generic()).as("executions served by the generic plan").isGreaterThanOrEqualTo(6);
    }

    @Test
    void theHintedClaimProbesEachHintBySeqEvenInItsGenericPlan() {
        List<String> plan;
        QuarkusTransaction.begin();
        try {
            // All on the transaction's one connection, where the named statement is prepared.
            jdbc.call(connection -> {
                TransactionJdbc.setLocal(connection, "plan_cache_mode", "force_generic_plan");
                try (java.sql.Statement statement = connection.createStatement()) {
                    return statement.execute("prepare hinted_claim_probe(bigint[]) as "
                            + OutboxClaims.CLAIM_HINTED_HEADS.replace("?", "$1"));
                }
            });
            plan = jdbc.query("explain execute hinted_claim_probe('{1,2,3}')", statement -> { },
                    row -> row.getString(1));
            jdbc.update("deallocate hinted_claim_probe", statement -> { });
        } finally {
            QuarkusTransaction.rollback();
        }

        String text = String.join("\n", plan);
        // One index probe per hinted seq, under a loop over the hints: never a scan of the pending events.
        assertThat(text).as(text).contains("Function Scan on unnest").containsPattern("Index Cond: \\(.*seq = hinted\\.seq\\)")
                .doesNotContain("Seq Scan on outbox_event")
                // The head test looks in the lead's own unpublished events, not at every older pending event.
                .contains("using outbox_event_open_by_aggregate on outbox_event p")
                .containsPattern("Index Cond: \\(\\(aggregateid = e\\.aggregateid\\) AND \\(seq < e\\.seq\\)\\)");
    }
}
