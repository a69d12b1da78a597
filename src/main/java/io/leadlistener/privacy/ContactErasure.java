package io.leadlistener.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes every stored text and profile field of one contact — inbox payloads and tagging spans, the text and profile
 * of its leads' outbox events, its actions' payloads and facts (and its lines in quiet-hours digests), its leads'
 * profiles — keeping every row, id, count and timing, and records who asked. Writes the tables directly, in the
 * caller's transaction: nothing is appended to the outbox (no {@code lead.profile-updated.v1} for the erased profile),
 * and whatever was still to be done about the contact (unprocessed inbox rows, actions not sent) is finished instead
 * of done. Running it again changes nothing and reports zeros. docs/privacy.md.
 */
@ApplicationScoped
public class ContactErasure {

    private final TransactionJdbc jdbc;
    private final PersonalDataRedaction redaction;
    private final ObjectMapper mapper;

    public ContactErasure(TransactionJdbc jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.redaction = new PersonalDataRedaction(mapper);
    }

    /**
     * Per table: how many rows belong to the contact, and how many of them lost personal data in this call.
     *
     * @param stopped inbox rows not processed yet / actions not sent yet, now finished (0 for other tables)
     */
    public record Cleared(int rows, int cleared, int stopped) {
    }

    /**
     * What an erasure did.
     *
     * @param erasureId the audit row ({@code personal_data_erasure.id})
     * @param leadIds   the contact's leads in the tenant (none when it never became a lead)
     */
    public record Report(long erasureId, String tenant, String contactId, String erasedBy, Instant erasedAt,
                         List<String> leadIds, Cleared inbox, Cleared outbox, Cleared actions, Cleared leads) {
    }

    /** Must run in a transaction. */
    public Report erase(String tenant, ErasedContact contact, String erasedBy) {
        // Locks in the order the workers take them — inbox row, action, then lead, then outbox — so that an erasure
        // waits for a message or an action in flight instead of deadlocking with it.
        List<String> leadIds = jdbc.query("""
                select lead_id from lead where tenant_id = ? and contact_kind = ? and contact_id = ?
                order by lead_id""", statement -> {
                    statement.setString(1, tenant);
                    statement.setString(2, contact.leadKind());
                    statement.setString(3, contact.leadContactId());
                }, row -> row.getString(1));
        Cleared inbox = inbox(tenant, contact);
        Cleared actions = actions(leadIds, contact);
        Cleared leads = leads(leadIds);
        Cleared outbox = outbox(leadIds);

        Map<String, Cleared> cleared = new LinkedHashMap<>();
        cleared.put("inbox", inbox);
        cleared.put("outbox", outbox);
        cleared.put("actions", actions);
        cleared.put("leads", leads);
        record Audit(long id, Instant at) {
        }
        Audit audit = jdbc.query("""
                insert into personal_data_erasure (tenant_id, contact_key, requested_by, cleared)
                values (?, ?, ?, cast(? as jsonb)) returning id, requested_at""", statement -> {
                    statement.setString(1, tenant);
                    statement.setString(2, contact.contactKey());
                    statement.setString(3, erasedBy);
                    statement.setString(4, json(cleared));
                }, row -> new Audit(row.getLong(1), row.getTimestamp(2).toInstant())).get(0);
        return new Report(audit.id(), tenant, contact.contactKey(), erasedBy, audit.at(), leadIds, inbox, outbox,
                actions, leads);
    }

    /**
     * The contact's inbox rows lose their payload; a row not processed yet is finished ({@code done}, outcome
     * {@code {"erased": true}}) — processing it would only store the text again elsewhere.
     */
    private Cleared inbox(String tenant, ErasedContact contact) {
        int rows = jdbc.query("select count(*) from inbox_message where tenant_id = ? and contact_key = ?",
                statement -> bindContact(statement, tenant, contact), row -> row.getInt(1)).get(0);
        record Emptied(long id, boolean wasPending) {
        }
        List<Emptied> emptied = jdbc.query("""
                with held as (select id, status = 'pending' as was_pending from inbox_message
                              where tenant_id = ? and contact_key = ? and payload is not null for update)
                update inbox_message m set payload = null, text_purged_at = coalesce(m.text_purged_at, now()),
                    status = case when held.was_pending then 'done' else m.status end,
                    processed_at = case when held.was_pending then clock_timestamp() else m.processed_at end,
                    outcome = case when held.was_pending then '{"erased":true}' else m.outcome end
                from held where m.id = held.id
                returning m.id, held.was_pending""",
                statement -> bindContact(statement, tenant, contact),
                row -> new Emptied(row.getLong(1), row.getBoolean(2)));
        Set<Long> changed = new TreeSet<>();
        emptied.forEach(row -> changed.add(row.id()));

        record Tagging(long id, String json) {
        }
        List<Tagging> taggings = jdbc.query("""
                select id, tagging from inbox_message
                where tenant_id = ? and contact_key = ? and tagging is not null and tagging_purged_at is null
                for update""", statement -> bindContact(statement, tenant, contact),
                row -> new Tagging(row.getLong(1), row.getString(2)));
        List<Tagging> redacted = new ArrayList<>();
        for (Tagging tagging : taggings) {
            String kept = redaction.tagging(tagging.json());
            redacted.add(new Tagging(tagging.id(), kept));
            if (!kept.equals(tagging.json())) {
                changed.add(tagging.id());
            }
        }
        batch("update inbox_message set tagging = ?, tagging_purged_at = now() where id = ?", redacted,
                (statement, tagging) -> {
                    statement.setString(1, tagging.json());
                    statement.setLong(2, tagging.id());
                });
        return new Cleared(rows, changed.size(), (int) emptied.stream().filter(Emptied::wasPending).count());
    }

    /** Every event of the contact's leads, published or not: a pending one is still published, without text. */
    private Cleared outbox(List<String> leadIds) {
        if (leadIds.isEmpty()) {
            return new Cleared(0, 0, 0);
        }
        record Event(String id, String payload) {
        }
        List<Event> events = jdbc.query("""
                select id, payload from outbox_event where aggregateid = any(?) order by seq for update""",
                statement -> statement.setArray(1, textArray(statement, leadIds)),
                row -> new Event(row.getString(1), row.getString(2)));
        List<Event> changed = new ArrayList<>();
        for (Event event : events) {
            String kept = redaction.event(event.payload());
            if (!kept.equals(event.payload())) {
                changed.add(new Event(event.id(), kept));
            }
        }
        batch("update outbox_event set payload = ?, text_purged_at = now() where id = ?", changed,
                (statement, event) -> {
                    statement.setString(1, event.payload());
                    statement.setString(2, event.id());
                });
        return new Cleared(events.size(), changed.size(), 0);
    }

    private record Action(String id, String payload, String facts, boolean pending) {
    }

    /**
     * The contact's actions lose their words and are finished if not sent yet — an alert, a tag, a profile read alike
     * (a profile read would store the name again and publish it). A quiet-hours digest that lists the contact among
     * other customers still goes out for them, with the contact's entry redacted; one that lists only the contact is
     * finished too.
     */
    private Cleared actions(List<String> leadIds, ErasedContact contact) {
        if (leadIds.isEmpty()) {
            return new Cleared(0, 0, 0);
        }
        List<Action> actions = jdbc.query("""
                select id, payload, cast(facts as text), done_at is null from wecom_action
                where lead_id = any(?) order by seq for update""",
                statement -> statement.setArray(1, textArray(statement, leadIds)),
                row -> new Action(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4)));
        int[] changed = {0};
        int[] stopped = {0};
        List<Action> touched = new ArrayList<>();
        for (Action action : actions) {
            String payload = redaction.actionPayload(action.payload());
            String facts = redaction.actionFacts(action.facts());
            boolean differs = !payload.equals(action.payload()) || !Objects.equals(facts, action.facts());
            if (differs || action.pending()) {
                touched.add(action);
                changed[0] += differs ? 1 : 0;
                stopped[0] += action.pending() ? 1 : 0;
            }
        }
        batch(ActionRedaction.UPDATE, touched, (statement, action) -> ActionRedaction.bind(statement, redaction,
                action.id(), action.payload(), action.facts(), action.pending(), true));

        List<Action> digests = jdbc.query("""
                select id, payload, cast(facts as text), done_at is null from wecom_action
                where id in (select folded_into from wecom_action where lead_id = any(?) and folded_into is not null)
                  and facts is not null and (type = 'digest' or type like 'robot-digest:%')
                order by seq for update""",
                statement -> statement.setArray(1, textArray(statement, leadIds)),
                row -> new Action(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4)));
        for (Action digest : digests) {
            PersonalDataRedaction.Digest without = redaction.digestWithout(digest.facts(), digest.payload(),
                    contact::namedBy);
            if (!without.changed()) {
                continue;
            }
            changed[0]++;
            if (digest.pending() && onlyErased(without.facts())) {
                stopped[0]++;
                batch(ActionRedaction.UPDATE, List.of(digest), (statement, action) -> ActionRedaction.bind(
                        statement, redaction, action.id(), action.payload(), action.facts(), true, true));
            } else {
                // Other customers' entries stay, so the row is not stamped text_purged_at: retention still ages it.
                jdbc.update("update wecom_action set payload = ?, facts = cast(? as jsonb) where id = ?",
                        statement -> {
                            statement.setString(1, without.payload());
                            statement.setString(2, without.facts());
                            statement.setString(3, digest.id());
                        });
            }
        }
        return new Cleared(actions.size() + digests.size(), changed[0], stopped[0]);
    }

    private boolean onlyErased(String digestFacts) {
        try {
            for (var entry : mapper.readTree(digestFacts).path("customers")) {
                if (!PersonalDataRedaction.ERASED_CUSTOMER.equals(entry.path("customer").asText())) {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("digest facts written a moment ago do not parse", e);
        }
    }

    /** The leads keep non-personal profile keys; {@code profile_hash} stays, so re-reading the same profile stores nothing. */
    private Cleared leads(List<String> leadIds) {
        if (leadIds.isEmpty()) {
            return new Cleared(0, 0, 0);
        }
        record Profile(String leadId, String json) {
        }
        List<Profile> profiles = jdbc.query("""
                select lead_id, cast(profile as text) from lead where lead_id = any(?) and profile is not null
                order by lead_id for update""",
                statement -> statement.setArray(1, textArray(statement, leadIds)),
                row -> new Profile(row.getString(1), row.getString(2)));
        List<Profile> changed = new ArrayList<>();
        for (Profile profile : profiles) {
            String kept = redaction.profile(profile.json());
            if (!kept.equals(profile.json())) {
                changed.add(new Profile(profile.leadId(), kept));
            }
        }
        batch("update lead set profile = cast(? as jsonb), profile_purged_at = now() where lead_id = ?", changed,
                (statement, profile) -> {
                    statement.setString(1, profile.json());
                    statement.setString(2, profile.leadId());
                });
        return new Cleared(leadIds.size(), changed.size(), 0);
    }

    private static void bindContact(PreparedStatement statement, String tenant, ErasedContact contact)
            throws java.sql.SQLException {
        statement.setString(1, tenant);
        statement.setString(2, contact.contactKey());
    }

    private static Array textArray(PreparedStatement statement, List<String> values) throws java.sql.SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws java.sql.SQLException;
    }

    private <T> void batch(String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
