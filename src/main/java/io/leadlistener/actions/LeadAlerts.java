package io.leadlistener.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.admin.ConsoleConfig;
import io.leadlistener.events.EventIds;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Enqueues alerts in WeCom, in the transaction that records what calls for them, through the tenant's self-built
 * app: a tagged message alerts the lead's owner — or, for a lead without one, its pool's recipients — at most once per
 * customer per folding window (later messages in the window fold into the next alert); an added external contact may
 * alert its salesperson. A tenant without {@code app-secret} (or {@code agent-id}) enqueues nothing; the tenant's
 * alert settings (versioned, admin API) can switch alerts off.
 */
@ApplicationScoped
public class LeadAlerts {

    static final String TYPE = "alert";
    static final String NEW_CONTACT_TYPE = "contact-alert";
    /** A group robot's alert: the type names the robot, so each robot has its own queue and folding window. */
    static final String ROBOT_TYPE_PREFIX = "robot-alert:";
    /** A quiet period's digest to a member (or departments); a robot's is {@code robot-digest:<name>}. */
    static final String DIGEST_TYPE = "digest";
    static final String ROBOT_DIGEST_PREFIX = "robot-digest:";
    /** Digests belong to no lead: they queue under their recipient. */
    static final String DIGEST_LEAD_PREFIX = "digest:";
    /** The per-minute throttle counts a robot's messages under this name (WeCom: ~20 a minute per robot). */
    static final String ROBOT_THROTTLE_PREFIX = "robot:";

    private static final Logger LOG = Logger.getLogger(LeadAlerts.class);

    private final ActionOutbox outbox;
    private final AlertSettingsStore settings;
    private final IntentLabels labels;
    private final ObjectMapper objectMapper;
    private final Optional<String> consoleUrl;
    private final Clock clock;

    public LeadAlerts(ActionOutbox outbox, AlertSettingsStore settings, IntentLabels labels,
                      ObjectMapper objectMapper, ConsoleConfig console, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.settings = settings;
        this.labels = labels;
        this.objectMapper = objectMapper;
        this.consoleUrl = console.publicUrl().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1)
                : url);
    }

    /** Whether the tenant acts in WeCom at all: an app-secret and an agent-id. */
    public boolean actsFor(Tenant tenant) {
        return tenant.appSecret().isPresent() && tenant.agentId().isPresent();
    }

    /** A tagged message, as the alert needs it. */
    public record TaggedMessage(String leadId, String customer, String messageId, List<String> intents,
                                List<String> matchedWords, String text) {
    }

    /**
     * Who an alert goes to: the owner, else the pool's recipients.
     *
     * @param owner       the salesperson who owns the customer, or null
     * @param pool        the lead's pool
     * @param users       the pool's recipients (userids), used only without an owner
     * @param departments the pool's recipients (department ids), used only without an owner
     * @param robots      the pool's group robots (names), used only without an owner
     */
    public record Audience(String owner, String pool, List<String> users, List<Long> departments,
                           List<String> robots) {
    }

    /**
     * @param message its {@code text} null when the tenant does not allow message text
     * @return whether an alert was enqueued or the message folded into one
     */
    public boolean messageTagged(Tenant tenant, TaggedMessage message, Audience audience) {
        if (!actsFor(tenant) || message.intents().isEmpty()) {
            return false;
        }
        AlertSettings alertSettings = settings.currentForTransaction(tenant.id());
        Optional<Integer> agentId = agentId(tenant);
        if (!alertSettings.enabled() || agentId.isEmpty()) {
            return false;
        }
        boolean owned = audience.owner() != null && !audience.owner().isBlank();
        AlertComposer.Recipients to = owned ? AlertComposer.Recipients.user(audience.owner())
                : new AlertComposer.Recipients(audience.users(), audience.departments());
        List<String> robots = owned ? List.of() : audience.robots();
        if (to.isEmpty() && robots.isEmpty()) {
            LOG.debugf("No alert for lead %s of tenant %s: no owner, and pool %s names no recipients",
                    message.leadId(), tenant.id(), audience.pool());
            return false;
        }
        AlertFacts facts = AlertFacts.of(message.customer(), message.intents(), message.matchedWords(),
                message.text(), message.messageId());
        Optional<QuietHours> quiet = alertSettings.quietHours();
        Optional<Instant> quietEnd = quiet.flatMap(hours -> hours.endOf(clock.instant()));
        boolean enqueued = false;
        if (!to.isEmpty()) {
            int agent = agentId.get();
            boolean digested = quietEnd.isPresent() && enqueueDigest(tenant, message, DIGEST_TYPE, to.users(),
                    to.toString(), facts, quietEnd.get(), quiet.get().label(),
                    digest -> AlertComposer.composeDigest(to, agent, digest, labels.forTransaction(tenant.id()))
                            .toString());
            enqueued = digested || enqueueFolding(tenant, message, TYPE, to.users(), facts, alertSettings,
                    folded -> payload(tenant, to, agent, folded, alertSettings));
        }
        for (String robot : robots) {
            List<String> throttled = List.of(ROBOT_THROTTLE_PREFIX + robot);
            boolean digested = quietEnd.isPresent() && enqueueDigest(tenant, message, ROBOT_DIGEST_PREFIX + robot,
                    throttled, ROBOT_THROTTLE_PREFIX + robot, facts, quietEnd.get(), quiet.get().label(),
                    digest -> AlertComposer.composeDigest(null, 0, digest, labels.forTransaction(tenant.id()))
                            .toString());
            enqueued |= digested || enqueueFolding(tenant, message, ROBOT_TYPE_PREFIX + robot, throttled, facts,
                    alertSettings, folded -> robotPayload(tenant, folded));
        }
        return enqueued;
    }

    /**
     * Inside quiet hours: the message joins its recipient's digest of the period, due when the period ends (created
     * by the first message, rewritten by the next ones while no attempt touched it).
     *
     * @param recipientKey who the digest goes to, as one string (one digest per recipient and period)
     * @return false when the period's digest was already sent (the period just ended): alert as usual then
     */
    private boolean enqueueDigest(Tenant tenant, TaggedMessage message, String type, List<String> throttled,
                                  String recipientKey, AlertFacts facts, Instant end, String period,
                                  java.util.function.Function<DigestFacts, String> payload) {
        String digestId = EventIds.action(type, tenant.id(), recipientKey + "|" + end);
        DigestFacts first = new DigestFacts(period, List.of(facts));
        boolean created = outbox.appendDueAt(new ActionOutbox.NewAction(digestId, tenant.id(),
                DIGEST_LEAD_PREFIX + recipientKey, type, payload.apply(first), throttled, json(first)), end);
        if (!created) {
            Optional<String> waiting = outbox.untriedFacts(digestId);
            if (waiting.isEmpty()) {
                return false;
            }
            DigestFacts merged = read(waiting.get(), DigestFacts.class).add(facts);
            outbox.rewrite(digestId, payload.apply(merged), throttled, json(merged));
        }
        return outbox.appendFolded(new ActionOutbox.NewAction(EventIds.action(type, tenant.id(),
                message.messageId()), tenant.id(), message.leadId(), type, "{}", List.of(), json(facts)), digestId);
    }

    /**
     * One alert per customer per window for this type (recipient): the first goes at once, a later one waits for the
     * customer's next window, and messages meanwhile fold into that waiting alert.
     */
    private boolean enqueueFolding(Tenant tenant, TaggedMessage message, String type, List<String> throttled,
                                   AlertFacts facts, AlertSettings alertSettings,
                                   java.util.function.Function<AlertFacts, String> payload) {
        String id = EventIds.action(type, tenant.id(), message.messageId());
        ActionOutbox.NewAction action = new ActionOutbox.NewAction(id, tenant.id(), message.leadId(), type,
                payload.apply(facts), throttled, json(facts));
        if (alertSettings.foldMinutes() > 0) {
            Optional<ActionOutbox.ScheduledAlert> scheduled = outbox.scheduledAlert(message.leadId(), type);
            if (scheduled.isPresent()) {
                AlertFacts folded = read(scheduled.get().facts(), AlertFacts.class).fold(facts);
                outbox.rewrite(scheduled.get().id(), payload.apply(folded), throttled, json(folded));
                return outbox.appendFolded(action, scheduled.get().id());
            }
        }
        return outbox.appendAfterWindow(action, alertSettings.foldMinutes());
    }

    /** A group robot's message: markdown (robots have no textcard), the same words as an app alert. */
    private String robotPayload(Tenant tenant, AlertFacts facts) {
        return AlertComposer.composeForRobot(facts, labels.forTransaction(tenant.id()), link(tenant, facts))
                .toString();
    }

    /**
     * An external contact was added: its salesperson gets a short alert when the tenant's settings ask for it. Never
     * folded with intent alerts, never delays them.
     *
     * @param eventId the contact event's id: one alert per event, whatever the redeliveries
     */
    public boolean contactAdded(Tenant tenant, String leadId, String owner, String customer, String state,
                                String eventId) {
        if (!actsFor(tenant) || owner == null || owner.isBlank()) {
            return false;
        }
        AlertSettings alertSettings = settings.currentForTransaction(tenant.id());
        Optional<Integer> agentId = agentId(tenant);
        if (!alertSettings.enabled() || !alertSettings.newContactAlerts() || agentId.isEmpty()) {
            return false;
        }
        AlertComposer.Recipients to = AlertComposer.Recipients.user(owner);
        String payload = AlertComposer.composeNewContact(to, agentId.get(), customer, state).toString();
        ActionOutbox.NewAction action = new ActionOutbox.NewAction(EventIds.action(NEW_CONTACT_TYPE, tenant.id(),
                eventId), tenant.id(), leadId, NEW_CONTACT_TYPE, payload, to.users(), null);
        // Inside quiet hours it waits for their end (it is not a lead, so it joins no digest).
        Optional<Instant> quietEnd = alertSettings.quietHours().flatMap(hours -> hours.endOf(clock.instant()));
        return quietEnd.isPresent() ? outbox.appendDueAt(action, quietEnd.get())
                : outbox.appendAfterWindow(action, 0);
    }

    private String payload(Tenant tenant, AlertComposer.Recipients to, int agentId, AlertFacts facts,
                           AlertSettings alertSettings) {
        String link = link(tenant, facts);
        return AlertComposer.compose(to, agentId, facts, labels.forTransaction(tenant.id()),
                alertSettings.effectiveFormat(link != null), link).toString();
    }

    private String link(Tenant tenant, AlertFacts facts) {
        return consoleUrl.map(url -> url + "/console?tenant=" + encode(tenant.id()) + "&message="
                + encode(facts.lookupMessageId())).orElse(null);
    }

    private static Optional<Integer> agentId(Tenant tenant) {
        try {
            return Optional.of(Integer.parseInt(tenant.agentId().orElseThrow().strip()));
        } catch (NumberFormatException e) {
            LOG.warnf("No alert for tenant %s: agent-id '%s' is not a number", tenant.id(), tenant.agentId().get());
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wecom_action.facts is not a " + type.getSimpleName(), e);
        }
    }

    private String json(Object facts) {
        try {
            return objectMapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
