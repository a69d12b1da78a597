package io.leadlistener.lead.retag;

import io.leadlistener.common.SqlTimestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of re-tag jobs. Every method runs in the caller's transaction. */
@ApplicationScoped
public class RetagJobStore {

    private static final String COLUMNS = """
            id, tenant_id, rule_set_version, days, window_from, window_to, status, total, processed, changed,
            events_emitted, requested_by, created_at, started_at, finished_at, error, first_inbox_id, last_inbox_id,
            cursor_inbox_id""";

    private final EntityManager entityManager;

    public RetagJobStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A job with where it stands in its id range. */
    public record Claimed(RetagJob job, long lastInboxId, long cursorInboxId) {
    }

    /** @return the new job's id, or empty when the tenant already has a queued or running job */
    @SuppressWarnings("unchecked")
    public Optional<Long> insert(String tenantId, long version, int days, Instant from, Instant to, long firstId,
                                 long lastId, long total, String requestedBy) {
        List<Number> ids = entityManager.createNativeQuery("""
                        insert into retag_job (tenant_id, rule_set_version, days, window_from, window_to,
                            first_inbox_id, last_inbox_id, cursor_inbox_id, total, requested_by)
                        values (:tenant, :version, :days, :from, :to, :firstId, :lastId, :cursor, :total, :actor)
                        on conflict (tenant_id) where status in ('queued', 'running') do nothing
                        returning id""")
                .setParameter("tenant", tenantId).setParameter("version", version).setParameter("days", days)
                .setParameter("from", Timestamp.from(from)).setParameter("to", Timestamp.from(to))
                .setParameter("firstId", firstId).setParameter("lastId", lastId)
                .setParameter("cursor", firstId - 1).setParameter("total", (int) total)
                .setParameter("actor", requestedBy)
                .getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    @SuppressWarnings("unchecked")
    public Optional<RetagJob> find(String tenantId, long id) {
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS
                        + " from retag_job where tenant_id = :tenant and id = :id")
                .setParameter("tenant", tenantId).setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(RetagJobStore::toJob);
    }

    /** The tenant's jobs, newest first. */
    @SuppressWarnings("unchecked")
    public List<RetagJob> list(String tenantId, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS
                        + " from retag_job where tenant_id = :tenant order by id desc limit :limit")
                .setParameter("tenant", tenantId).setParameter("limit", limit).getResultList();
        return rows.stream().map(RetagJobStore::toJob).toList();
    }

    /**
     * Locks the oldest queued or running job nobody else is working on. A cancellation waits for the lock, so it
     * takes effect between two batches, never inside one.
     */
    @SuppressWarnings("unchecked")
    public Optional<Claimed> lockNextActive() {
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS
                        + " from retag_job where status in ('queued', 'running') order by id limit 1"
                        + " for update skip locked")
                .getResultList();
        return rows.stream().findFirst().map(row -> new Claimed(toJob(row), ((Number) row[17]).longValue(),
                ((Number) row[18]).longValue()));
    }

    /** Records a batch: moves the cursor, adds the counts, and completes the job when it reached its range's end. */
    public void advance(long id, long cursor, int processed, int changed, int events, boolean completed) {
        entityManager.createNativeQuery("""
                        update retag_job set cursor_inbox_id = :cursor, processed = processed + :processed,
                            changed = changed + :changed, events_emitted = events_emitted + :events,
                            status = :status, started_at = coalesce(started_at, now()),
                            finished_at = case when :completed then now() end
                        where id = :id""")
                .setParameter("cursor", cursor).setParameter("processed", processed)
                .setParameter("changed", changed).setParameter("events", events)
                .setParameter("status", completed ? RetagJob.COMPLETED : RetagJob.RUNNING)
                .setParameter("completed", completed).setParameter("id", id)
                .executeUpdate();
    }

    /** @return true if the job was queued or running and is now cancelled */
    public boolean cancel(String tenantId, long id) {
        return entityManager.createNativeQuery("""
                        update retag_job set status = 'cancelled', finished_at = now()
                        where tenant_id = :tenant and id = :id and status in ('queued', 'running')""")
                .setParameter("tenant", tenantId).setParameter("id", id)
                .executeUpdate() == 1;
    }

    public void fail(long id, String error) {
        entityManager.createNativeQuery("""
                        update retag_job set status = 'failed', error = :error, finished_at = now()
                        where id = :id and status in ('queued', 'running')""")
                .setParameter("error", error).setParameter("id", id).executeUpdate();
    }

    private static RetagJob toJob(Object[] row) {
        return new RetagJob(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).longValue(),
                ((Number) row[3]).intValue(), SqlTimestamps.toInstant(row[4]), SqlTimestamps.toInstant(row[5]),
                (String) row[6], ((Number) row[7]).intValue(), ((Number) row[8]).intValue(),
                ((Number) row[9]).intValue(), ((Number) row[10]).intValue(), (String) row[11],
                SqlTimestamps.toInstant(row[12]), SqlTimestamps.toInstant(row[13]), SqlTimestamps.toInstant(row[14]),
                (String) row[15]);
    }
}
