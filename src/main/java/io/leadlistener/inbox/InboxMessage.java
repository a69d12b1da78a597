package io.leadlistener.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * An inbox row as admin look-ups read it (Panache queries). Read-only ({@code @Immutable}: the ORM never writes it);
 * every write to {@code inbox_message} is plain JDBC ({@link Inbox}, {@link InboxClaims}, {@link InboxAdministration},
 * {@link InboxTextPurge}), whose SQL (ON CONFLICT, SKIP LOCKED, batches) JPA cannot express.
 */
@Entity
@Immutable
@Table(name = "inbox_message")
public class InboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "callback_name", nullable = false)
    public String callbackName;

    @Column(nullable = false)
    public String source;

    @Column(name = "dedupe_key", nullable = false)
    public String dedupeKey;

    @Column(name = "contact_key", nullable = false)
    public String contactKey;

    @Column(name = "msg_type", nullable = false)
    public String msgType;

    public String event;

    @Column(name = "change_type")
    public String changeType;

    @Column(name = "from_user")
    public String fromUser;

    @Column(name = "msg_id")
    public String msgId;

    @Column(name = "created_at_source")
    public Instant createdAtSource;

    @Column(name = "content_length", nullable = false)
    public int contentLength;

    /** Decrypted source document: personal data, cleared by {@link InboxTextPurge}. Never log it. */
    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "parked_at")
    public Instant parkedAt;

    public String outcome;

    /** Intents the worker found; kept after the text is purged. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] intents;

    @Column(name = "rule_set_version")
    public Long ruleSetVersion;

    /** The tagging explanation as JSON (intents, matches, suppressed, ruleSetVersion). */
    public String tagging;

    @Column(name = "text_purged_at")
    public Instant textPurgedAt;

    @Override
    public String toString() {
        return "InboxMessage[id=" + id + ", tenant=" + tenantId + ", contact=" + contactKey + ", type=" + msgType
                + ", status=" + status + ", attempts=" + attempts + "]";
    }
}
