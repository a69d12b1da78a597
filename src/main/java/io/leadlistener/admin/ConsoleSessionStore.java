package io.leadlistener.admin;

import io.leadlistener.common.TransactionJdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Console sessions in PostgreSQL ({@code console_session}), each call in its own short transaction. */
@ApplicationScoped
public class ConsoleSessionStore {

    private static final Logger LOG = Logger.getLogger(ConsoleSessionStore.class);

    /**
     * A session that has not ended and not expired: of a configured credential ({@code tokenCheck}), or of a single
     * sign-on ({@code role} and {@code tenants}, as the ID token said).
     */
    record Live(String credentialName, byte[] tokenCheck, String role, String tenants, Instant expiresAt) {
    }

    private final TransactionJdbc jdbc;

    public ConsoleSessionStore(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    void begin(byte[] idHash, String credentialName, byte[] tokenCheck, Instant expiresAt) {
        insert(idHash, credentialName, tokenCheck, null, null, expiresAt);
    }

    void beginSingleSignOn(byte[] idHash, AdminCredential credential, Instant expiresAt) {
        insert(idHash, credential.name(), null, credential.role().id(), credential.tenantsText(), expiresAt);
    }

    private void insert(byte[] idHash, String credentialName, byte[] tokenCheck, String role, String tenants,
                        Instant expiresAt) {
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("""
                insert into console_session (id_hash, credential_name, token_check, role, tenants, expires_at)
                values (?, ?, ?, ?, ?, ?)""",
                statement -> {
                    statement.setBytes(1, idHash);
                    statement.setString(2, credentialName);
                    statement.setBytes(3, tokenCheck);
                    statement.setString(4, role);
                    statement.setString(5, tenants);
                    TransactionJdbc.setInstant(statement, 6, expiresAt);
                }));
    }

    Optional<Live> live(byte[] idHash) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.query("""
                select credential_name, token_check, role, tenants, expires_at from console_session
                where id_hash = ? and ended_at is null and expires_at > clock_timestamp()""",
                statement -> statement.setBytes(1, idHash),
                row -> new Live(row.getString(1), row.getBytes(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant()))
                .stream().findFirst());
    }

    /** @return whether a live session ended */
    boolean end(byte[] idHash) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.update(
                "update console_session set ended_at = clock_timestamp() where id_hash = ? and ended_at is null",
                statement -> statement.setBytes(1, idHash))) > 0;
    }

    /** A day after they ended or expired, sessions are of no use to anyone. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldSessions() {
        try {
            int deleted = QuarkusTransaction.requiringNew().call(() -> jdbc.update("""
                    delete from console_session
                    where expires_at < clock_timestamp() - interval '1 day' or ended_at < clock_timestamp() - interval '1 day'""",
                    statement -> { }));
            LOG.debugf("Forgot %d old console sessions", deleted);
        } catch (RuntimeException e) {
            LOG.debugf("Old console sessions not deleted (next hour again): %s", e.toString());
        }
    }
}
