package io.leadlistener.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.BackgroundWorkers;
import io.leadlistener.inbox.RetryBackoff;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import io.leadlistener.wecom.api.AccessTokens;
import io.leadlistener.wecom.api.WeComApiClient;
import io.leadlistener.wecom.api.WeComApiException;
import io.leadlistener.wecom.api.WeComErrcodes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Carries out pending actions in WeCom: each round claims the oldest pending action of up to {@code batch-size} leads
 * (locked while in flight), calls WeCom, and records the outcome in the same transaction. A crash between WeCom's
 * answer and the commit resends the identical body, which WeCom's duplicate check drops. What each errcode calls for
 * is {@link WeComErrcodes}': a rejected token is refreshed once, busy or rate-limited calls back off with jitter,
 * configuration problems park at once with a plain explanation, unknown codes park after {@code max-attempts}.
 */
@ApplicationScoped
public class ActionWorker {

    private static final Logger LOG = Logger.getLogger(ActionWorker.class);
    /** WeCom's limit for one group robot: about 20 messages a minute. */
    private static final int ROBOT_PER_MINUTE = 18;

    private final ActionClaims claims;
    private final TenantDirectory tenants;
    private final AccessTokens tokens;
    private final WeComApiClient api;
    private final ActionWakeup wakeup;
    private final ActionsConfig.Worker config;
    private final RetryBackoff backoff;
    private final BackgroundWorkers workers;
    private final ObjectMapper objectMapper;
    private final ActionMetrics metrics;
    private final MemberThrottle throttle;
    private final AlertSettingsStore settings;
    private final CorpTagDirectory corpTags;
    private final LeadProfileSink profiles;

    public ActionWorker(ActionClaims claims, TenantDirectory tenants, AccessTokens tokens, WeComApiClient api,
                        ActionWakeup wakeup, ActionsConfig config, ObjectMapper objectMapper, ActionMetrics metrics,
                        MemberThrottle throttle, AlertSettingsStore settings, CorpTagDirectory corpTags,
                        LeadProfileSink profiles) {
        this.corpTags = corpTags;
        this.profiles = profiles;
        this.metrics = metrics;
        this.throttle = throttle;
        this.settings = settings;
        this.claims = claims;
        this.tenants = tenants;
        this.tokens = tokens;
        this.api = api;
        this.wakeup = wakeup;
        this.config = config.worker();
        this.objectMapper = objectMapper;
        this.backoff = new RetryBackoff(this.config.initialBackoff(), this.config.maxBackoff());
        this.workers = new BackgroundWorkers("wecom-actions", wakeup);
    }

    void start(@Observes StartupEvent event) {
        workers.start(config.threads(), this::runLoop);
        LOG.infof("WeCom action worker started with %d thread(s)", config.threads());
    }

    void stop(@Observes ShutdownEvent event) {
        workers.stop(Duration.ofSeconds(15));
    }

    private void runLoop() {
        while (workers.isRunning()) {
            try {
                workers.pauseAfterRound(runOnce(), config.batchSize(), config.pollInterval(), Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.warnf("WeCom action round failed, retrying: %s", BackgroundWorkers.describe(e));
                wakeup.await(config.pollInterval());
            }
        }
    }

    /**
     * One round: up to {@code batch-size} actions, each claimed and carried out in a transaction of its own — so a
     * slow WeCom cannot push a batch past the transaction timeout, and a crash undoes at most the one action in flight
     * (whose resend WeCom's duplicate check drops).
     *
     * @return how many actions were done, retried, put off or parked
     */
    public int runOnce() {
        int carriedOut = 0;
        while (carriedOut < config.batchSize() && workers.isRunning() && carryOutNext()) {
            carriedOut++;
        }
        return carriedOut;
    }

    private boolean carryOutNext() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            List<PendingAction> next = claims.claimDueHeads(1);
            next.forEach(this::carryOut);
            return !next.isEmpty();
        });
    }

    private void carryOut(PendingAction action) {
        Tenant tenant = tenants.find(action.tenantId()).orElse(null);
        JsonNode payload;
        try {
            payload = objectMapper.readTree(action.payload());
        } catch (IOException e) {
            claims.recordFailure(action.id(), "stored payload is not JSON", null, true, Duration.ZERO);
            metrics.outcome(action.type(), "parked", null);
            return;
        }
        SecretKind kind = SecretKind.of(action.type(), payload);
        Optional<String> secret = tenant == null ? Optional.empty() : kind.of(tenant, action.type());
        if (secret.isEmpty()) {
            claims.recordFailure(action.id(), "tenant '" + action.tenantId() + "' is not configured with "
                    + kind.configKey + " any more: nothing can be done", null, true, Duration.ZERO);
            metrics.outcome(action.type(), "parked", null);
            return;
        }
        try {
            switch (kind) {
                case ROBOT -> sendRobotMessage(tenant, secret.get(), action, payload);
                case CONTACT, KF -> {
                    if (CustomerTags.TYPE.equals(action.type())) {
                        markTags(tenant, secret.get(), action, payload);
                    } else {
                        fetchProfile(tenant, secret.get(), action, payload);
                    }
                }
                case APP -> sendAppMessage(tenant, secret.get(), action, payload);
            }
        } catch (WeComApiException e) {
            failed(action, e.errcode(), WeComErrcodes.of(e.errcode()));
        } catch (UncheckedIOException e) {
            retry(action, "WeCom unreachable: " + e.getMessage(), null);
        }
    }

    private void sendAppMessage(Tenant tenant, String secret, PendingAction action, JsonNode payload) {
        if (throttled(tenant, action, settings.currentForTransaction(tenant.id()).perMemberPerMinute())) {
            return;
        }
        WeComApiClient.AppMessageReceipt receipt = withToken(tenant, secret,
                token -> timed("message/send", () -> api.sendAppMessage(tenant.apiBaseUrl(), token, payload)));
        String outcome = receipt.invalidUsers().isEmpty() && receipt.invalidParties().isEmpty() ? null
                : "not delivered to invaliduser=" + String.join("|", receipt.invalidUsers())
                + " invalidparty=" + String.join("|", receipt.invalidParties());
        claims.markAlertSent(action, outcome);
        metrics.outcome(action.type(), "done", null);
        LOG.infof("%s sent to %s tenant=%s lead=%s%s", switch (action.type()) {
                    case LeadAlerts.NEW_CONTACT_TYPE -> "New-contact alert";
                    case LeadAlerts.DIGEST_TYPE -> "Digest";
                    default -> "Alert";
                }, recipients(payload), tenant.id(), action.leadId(),
                outcome == null ? "" : " (" + outcome + ")");
    }

    /**
     * Takes a send slot for each recipient; when one of them had their share this minute the action is put off
     * until a slot frees, without counting an attempt.
     *
     * @return whether the action was put off
     */
    private boolean throttled(Tenant tenant, PendingAction action, int perMinute) {
        Optional<MemberThrottle.Busy> busy = throttle.reserve(tenant.id(), action.recipients(), perMinute);
        busy.ifPresent(member -> {
            claims.defer(action.id(), member.freeAt(), "waiting: " + member.userId() + " got "
                    + member.sentLastMinute() + " messages in the last minute (limit " + perMinute + ")");
            metrics.outcome(action.type(), "throttled", null);
        });
        return busy.isPresent();
    }

    /** A pool's group robot: no access token, and WeCom takes about 20 messages a minute per robot. */
    private void sendRobotMessage(Tenant tenant, String key, PendingAction action, JsonNode payload) {
        if (throttled(tenant, action, Math.min(ROBOT_PER_MINUTE,
                settings.currentForTransaction(tenant.id()).perMemberPerMinute()))) {
            return;
        }
        timed("webhook/send", () -> {
            api.sendRobotMessage(tenant.apiBaseUrl(), key, payload);
            return null;
        });
        claims.markAlertSent(action, null);
        metrics.outcome(action.type(), "done", null);
        LOG.infof("%s sent to robot %s tenant=%s lead=%s", action.type().startsWith(LeadAlerts.ROBOT_DIGEST_PREFIX)
                ? "Digest" : "Alert", robotName(action.type()), tenant.id(), action.leadId());
    }

    /**
     * Marks the customer with the corporate tags named in the payload, resolving their ids (created once); a tag an
     * admin deleted in WeCom (40068) is resolved again, once.
     */
    private void markTags(Tenant tenant, String secret, PendingAction action, JsonNode payload) {
        String group = payload.path("group").asText();
        List<String> names = new java.util.ArrayList<>();
        payload.path("tags").forEach(tag -> names.add(tag.path("name").asText()));
        String userId = payload.path("userid").asText();
        String externalUserId = payload.path("external_userid").asText();
        withToken(tenant, secret, token -> {
            try {
                mark(tenant, token, group, names, userId, externalUserId);
            } catch (WeComApiException e) {
                if (e.errcode() != WeComErrcodes.INVALID_TAG_ID) {
                    throw e;
                }
                corpTags.forget(tenant);
                mark(tenant, token, group, names, userId, externalUserId);
            }
            return null;
        });
        claims.markDone(action.id(), null);
        metrics.outcome(action.type(), "done", null);
        LOG.infof("Customer tagged %s tenant=%s lead=%s follow-user=%s", String.join("、", names), tenant.id(),
                action.leadId(), userId);
    }

    /** Reads the customer's profile from WeCom and hands it to the lead, which publishes it if it changed. */
    private void fetchProfile(Tenant tenant, String secret, PendingAction action, JsonNode payload) {
        String externalUserId = payload.path("external_userid").asText();
        boolean kf = CustomerProfiles.VIA_KF.equals(payload.path("via").asText());
        Optional<CustomerProfile> profile = withToken(tenant, secret, token -> kf
                ? timed("kf/customer/batchget", () -> api.kfCustomer(tenant.apiBaseUrl(), token, externalUserId))
                        .map(CustomerProfile::fromKfCustomer)
                : Optional.of(CustomerProfile.fromExternalContact(timed("externalcontact/get",
                        () -> api.externalContact(tenant.apiBaseUrl(), token, externalUserId)))));
        if (profile.isEmpty()) {
            claims.markDone(action.id(), "WeCom lists the customer as invalid: no profile");
            metrics.outcome(action.type(), "done", null);
            return;
        }
        boolean changed = profiles.profileFetched(tenant.id(), action.leadId(), profile.get());
        claims.markDone(action.id(), changed ? "profile updated" : "profile unchanged");
        metrics.outcome(action.type(), "done", null);
        LOG.infof("Customer profile %s tenant=%s lead=%s", changed ? "updated" : "unchanged", tenant.id(),
                action.leadId());
    }

    /** Which of the tenant's secrets an action calls WeCom with. */
    private enum SecretKind {
        APP("an app-secret"), CONTACT("a contact-secret"), KF("a kf-secret"),
        ROBOT("this group robot's key (leadlistener.tenants.<id>.robots.<name>.key)");

        final String configKey;

        SecretKind(String configKey) {
            this.configKey = configKey;
        }

        static SecretKind of(String type, JsonNode payload) {
            if (type.startsWith(LeadAlerts.ROBOT_TYPE_PREFIX) || type.startsWith(LeadAlerts.ROBOT_DIGEST_PREFIX)) {
                return ROBOT;
            }
            return switch (type) {
                case CustomerTags.TYPE -> CONTACT;
                case CustomerProfiles.TYPE -> CustomerProfiles.VIA_KF.equals(payload.path("via").asText()) ? KF
                        : CONTACT;
                default -> APP;
            };
        }

        Optional<String> of(Tenant tenant, String type) {
            return switch (this) {
                case APP -> tenant.appSecret();
                case CONTACT -> tenant.contactSecret();
                case KF -> tenant.kfSecret();
                case ROBOT -> tenant.robotKey(robotName(type));
            };
        }
    }

    private void mark(Tenant tenant, String token, String group, List<String> names, String userId,
                      String externalUserId) {
        List<String> tagIds = timed("externalcontact/get_corp_tag_list",
                () -> corpTags.resolve(tenant, token, group, names));
        timed("externalcontact/mark_tag", () -> {
            api.markTag(tenant.apiBaseUrl(), token, userId, externalUserId, tagIds);
            return null;
        });
    }

    /** The robot a {@code robot-alert:<name>} or {@code robot-digest:<name>} action posts to. */
    private static String robotName(String type) {
        return type.substring(type.indexOf(':') + 1);
    }

    private static String recipients(JsonNode payload) {
        String users = payload.path("touser").asText("");
        String parties = payload.path("toparty").asText("");
        return parties.isEmpty() ? users : (users.isEmpty() ? "" : users + " and ") + "departments " + parties;
    }

    /** Calls WeCom with the secret's cached token; a rejected token is refreshed and the call made again, once. */
    private <T> T withToken(Tenant tenant, String secret, java.util.function.Function<String, T> call) {
        String token = tokens.get(tenant.apiBaseUrl(), tenant.corpId(), secret);
        try {
            return call.apply(token);
        } catch (WeComApiException e) {
            if (!e.isAccessTokenRejected()) {
                throw e;
            }
            tokens.invalidate(tenant.apiBaseUrl(), tenant.corpId(), secret, token);
            return call.apply(tokens.get(tenant.apiBaseUrl(), tenant.corpId(), secret));
        }
    }

    private <T> T timed(String call, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            metrics.apiCall(call, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void failed(PendingAction action, int errcode, WeComErrcodes.Handling handling) {
        String explanation = WeComErrcodes.explain(errcode);
        boolean park = handling == WeComErrcodes.Handling.PARK
                || handling == WeComErrcodes.Handling.RETRY_THEN_PARK && action.attempts() + 1 >= config.maxAttempts();
        if (park) {
            claims.recordFailure(action.id(), explanation, errcode, true, Duration.ZERO);
            metrics.outcome(action.type(), "parked", errcode);
            LOG.warnf("WeCom action %s of tenant %s parked: %s", action.id(), action.tenantId(), explanation);
        } else {
            retry(action, explanation, errcode);
        }
    }

    private void retry(PendingAction action, String error, Integer errcode) {
        Duration wait = backoff.afterAttempt(action.attempts() + 1);
        // Jitter: replicas that met the same rate limit do not come back in step.
        Duration jittered = wait.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, wait.toMillis() / 4)));
        claims.recordFailure(action.id(), error, errcode, false, jittered);
        metrics.outcome(action.type(), "retried", errcode);
    }
}
