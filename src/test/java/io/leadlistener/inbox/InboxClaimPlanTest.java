package io.leadlistener.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.PreparedStatementPlans;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the worker's claim runs several times per message at low rates; PostgreSQL must keep one plan for it
 * rather than plan it on every execution (a bound limit made it choose a fresh custom plan each time, 0.22 ms).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class InboxClaimPlanTest {

    @Inject
    InboxClaims claims;

    @Inject
    TransactionJdbc jdbc;

    @Test
    void theClaimKeepsItsGenericPlanAcrossExecutionsOnAConnection() {
        List<PreparedStatementPlans.Counts> plans = PreparedStatementPlans.after(jdbc, () -> {
            for (int execution = 0; execution < 12; execution++) {
                claims.claimDueHeads(17);
            }
        }, "%from inbox_message m where%order by m.id limit%");

        // The worker's own claims may have used this pooled connection too (with the configured batch size).
        assertThat(plans).as("the claim prepared on the connection").isNotEmpty();
        assertThat(plans).as("custom plans (one planning per execution)").allSatisfy(counts ->
                assertThat(counts.custom()).isZero());
        assertThat(plans).as("executions served by a generic plan").anySatisfy(counts ->
                assertThat(counts.generic()).isGreaterThanOrEqualTo(6));
    }
}
