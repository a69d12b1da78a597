package io.leadlistener.kf;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.inbox.Inbox;
import io.leadlistener.inbox.InboxAdmission;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.NewInboxMessage;
import io.leadlistener.inbox.NonRetryableException;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.wecom.api.AccessTokens;
import io.leadlistener.wecom.api.WeComApiClient;
import io.leadlistener.wecom.api.WeComApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Processes a {@code kf_msg_or_event} notification: pulls {@code kf/sync_msg} from the 客服账号's persisted cursor
 * with the notification's Token, page after page while {@code has_more}, and stores each customer message in the
 * inbox. Each page commits in a transaction of its own together with its {@code next_cursor}: after a crash the
 * notification (still pending) is processed again and resumes after the last committed page; a message seen twice
 * is one row (dedupe key {@code kf-msg|<msgid>}).
 * <p>
 * Failures follow the inbox's rules: network errors, {@code -1} (busy) and a token WeCom keeps rejecting are thrown
 * as they are and retried with backoff; {@code 40001} (wrong secret), a missing secret and any other errcode throw
 * {@link NonRetryableException}, which parks the notification at once with the error.
 */
@ApplicationScoped
public class KfPull {

    /** The largest page {@code kf/sync_msg} allows. */
    public static final int PAGE_LIMIT = 1000;

    private static final Logger LOG = Logger.getLogger(KfPull.class);

    private final WeComApiClient api;
    private final AccessTokens tokens;
    private final KfCursorStore cursors;
    private final Inbox inbox;

    private final KfMetrics metrics;
    private final Clock clock;

    private final KfConfig config;

    public KfPull(WeComApiClient api, AccessTokens tokens, KfCursorStore cursors, Inbox inbox, KfMetrics metrics,
                  Clock clock, KfConfig config) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.api = api;
        this.tokens = tokens;
        this.cursors = cursors;
        this.inbox = inbox;
    }

    /**
     * @return facts for the notification row: pages pulled, messages stored, duplicates and skipped entries
     */
    public Map<String, Object> pull(InboxItem notification, Tenant tenant, String openKfId, String syncToken) {
        String secret = tenant.kfSecret().orElseThrow(() -> new NonRetryableException("tenant '" + tenant.id()
                + "' has no kf-secret (leadlistener.tenants.\"" + tenant.id() + "\".kf-secret): cannot pull 微信客服 "
                + "messages"));
        if (openKfId == null || openKfId.isBlank() || syncToken == null || syncToken.isBlank()) {
            throw new NonRetryableException("kf_msg_or_event notification without OpenKfId or Token");
        }
        String cursor = cursors.current(tenant.id(), openKfId).orElse(null);
        int pages = 0;
        int stored = 0;
        int duplicates = 0;
        int skipped = 0;
        boolean more = true;
        boolean capped = false;
        while (more) {
            if (pages >= config.maxPagesPerNotification()) {
                capped = true;
                LOG.warnf("微信客服 pull stopped after %d pages tenant=%s openKfId=%s: the rest follows with the next "
                        + "notification (leadlistener.kf.max-pages-per-notification)", pages, tenant.id(), openKfId);
                break;
            }
            String from = cursor;
            WeComApiClient.SyncPage page = call(tenant, secret, accessToken ->
                    api.syncMsg(tenant.apiBaseUrl(), accessToken, from, syncToken, PAGE_LIMIT, openKfId));
            int[] counts = QuarkusTransaction.requiringNew().call(() -> storePage(notification, tenant, openKfId,
                    page));
            inbox.signalNewWork();
            stored += counts[0];
            duplicates += counts[1];
            skipped += counts[2];
            pages++;
            boolean advanced = page.nextCursor() != null && !page.nextCursor().isEmpty()
                    && !page.nextCursor().equals(from);
            if (advanced) {
                cursor = page.nextCursor();
            }
            // A "more" that does not move the cursor would ask for the same page forever.
            more = page.hasMore() && advanced;
            if (page.hasMore() && !advanced) {
                LOG.warnf("微信客服 pull stopped tenant=%s openKfId=%s: WeCom answered has_more without a new cursor",
                        tenant.id(), openKfId);
            }
        }
        LOG.infof("Pulled 微信客服 messages tenant=%s openKfId=%s pages=%d stored=%d duplicates=%d skipped=%d",
                tenant.id(), openKfId, pages, stored, duplicates, skipped);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kfPages", pages);
        facts.put("kfStored", stored);
        facts.put("kfDuplicates", duplicates);
        facts.put("kfSkipped", skipped);
        if (capped) {
            facts.put("kfCapped", true);
        }
        return facts;
    }

    /** Stores one page's customer messages and its cursor, in the current (page) transaction. */
    private int[] storePage(InboxItem notification, Tenant tenant, String openKfId, WeComApiClient.SyncPage page) {
        int[] counts = new int[3];
        for (JsonNode entry : page.msgList()) {
            KfMessage message = KfMessage.of(entry);
            // Only the customer's own messages (origin 3) can be leads; 接待人员 and system messages are skipped.
            if (message.origin() != KfMessage.FROM_CUSTOMER || message.msgId() == null
                    || message.externalUserId() == null) {
                counts[2]++;
                continue;
            }
            InboxAdmission admission = inbox.storeInCurrentTransaction(new NewInboxMessage(tenant.id(),
                    notification.callbackName(), KfMessage.SOURCE, message.dedupeKey(), message.contactKey(),
                    message.msgType(), null, null, message.externalUserId(), message.msgId(), message.sendTime(),
                    message.text() == null ? 0 : message.text().length(),
                    entry.toString()));
            counts[admission == InboxAdmission.ACCEPTED ? 0 : 1]++;
            if (admission == InboxAdmission.ACCEPTED && message.sendTime() != null) {
                metrics.messagePulled(tenant.id(), Duration.between(message.sendTime(), clock.instant()));
            }
        }
        if (page.nextCursor() != null && !page.nextCursor().isEmpty()) {
            cursors.save(tenant.id(), openKfId, page.nextCursor());
        }
        return counts;
    }

    /** One API call with the cached access token; a rejected token is refreshed once and the call retried once. */
    private <T> T call(Tenant tenant, String secret, Function<String, T> request) {
        try {
            String accessToken = tokens.get(tenant.apiBaseUrl(), tenant.corpId(), secret);
            try {
                return request.apply(accessToken);
            } catch (WeComApiException e) {
                if (!e.isAccessTokenRejected()) {
                    throw e;
                }
                tokens.invalidate(tenant.apiBaseUrl(), tenant.corpId(), secret, accessToken);
                return request.apply(tokens.get(tenant.apiBaseUrl(), tenant.corpId(), secret));
            }
        } catch (WeComApiException e) {
            if (e.errcode() == WeComApiException.BUSY || e.isAccessTokenRejected()) {
                throw e; // retried by the inbox worker with backoff
            }
            if (e.errcode() == WeComApiException.INVALID_SECRET) {
                throw new NonRetryableException(e.getMessage() + ": check leadlistener.tenants.\"" + tenant.id()
                        + "\".kf-secret", e);
            }
            throw new NonRetryableException(e.getMessage(), e);
        }
    }
}
