package io.leadlistener.testsupport;

import io.leadlistener.common.TransactionJdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/**
 * How PostgreSQL planned the server-side prepared statements of one connection ({@code pg_prepared_statements}):
 * a statement planned on every execution counts custom plans, one that keeps its plan counts generic plans.
 */
public final class PreparedStatementPlans {

    /** A prepared statement's executions served by its generic plan, and those planned afresh. */
    public record Counts(long generic, long custom) {
    }

    private PreparedStatementPlans() {
    }

    /**
     * Runs {@code executions} in a transaction that is rolled back afterwards (whatever they locked is left as it
     * was), then reads the plan counts of the statements on that transaction's connection whose text is like
     * {@code statementLike}. Past pgjdbc's prepare threshold (5 executions) a statement is prepared server-side.
     */
    public static List<Counts> after(TransactionJdbc jdbc, Runnable executions, String statementLike) {
        QuarkusTransaction.begin();
        try {
            executions.run();
            return jdbc.query("select generic_plans, custom_plans from pg_prepared_statements where statement like ?",
                    statement -> statement.setString(1, statementLike),
                    row -> new Counts(row.getLong(1), row.getLong(2)));
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
