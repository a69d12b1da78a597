package io.leadlistener.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.admin.ConsoleConfig;
import io.leadlistener.events.EventIds;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    /** The per-minute throttle counts a robot's messages under this name (WeCom: ~20 a minute per robot). */
    static final String ROBOT_THROTTLE_PREFIX = "robot:";

    private static final Logger LOG = Logger.getLogger(LeadAlerts.class);

    private final ActionOutbox outbox;
    private final AlertSettingsStore settings;
    private final IntentLabels labels;
    private final ObjectMapper objectMapper;
    private final Optional<String> consoleUrl;

    public LeadAlerts(ActionOutbox outbox, AlertSettingsStore settings, IntentLabels labels,
                      ObjectMapper objectMapper, ConsoleConfig console) {
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
        boolean enqueued = false;
        if (!to.isEmpty()) {
            int agent = agentId.get();
            enqueued = enqueueFolding(tenant, message, TYPE, to.users(), facts, alertSettings,
                    folded -> payload(tenant, to, agent, folded, alertSettings));
        }
        for (String robot : robots) {
            enqueued |= enqueueFolding(tenant, message, ROBOT_TYPE_PREFIX + robot, List.of(ROBOT_THROTTLE_PREFIX + robot),
                    facts, alertSettings, folded -> robotPayload(tenant, folded));
        }
        return enqueued;
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
                AlertFacts folded = facts(scheduled.get().facts()).fold(facts);
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
        return outbox.appendAfterWindow(new ActionOutbox.NewAction(EventIds.action(NEW_CONTACT_TYPE, tenant.id(),
                eventId), tenant.id(), leadId, NEW_CONTACT_TYPE, payload, to.users(), null), 0);
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

    private String json(AlertFacts facts) {
        try {
            return objectMapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlertFacts facts(String json) {
        try {
            return objectMapper.readValue(json, AlertFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wecom_action.facts is not an alert's facts", e);
        }
    }
}
