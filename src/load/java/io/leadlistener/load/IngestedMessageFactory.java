package io.leadlistener.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buyer messages for the ingestion API ({@code POST /api/v1/messages}, docs/ingestion-api.md), each from a customer
 * never seen before and owned by one of {@code owners} salespeople in turn. The ingestion API is the path that names
 * a message's owner ({@code ownerUserId}); a WeCom app callback from an internal user has none, so its lead's alert
 * would wait for pool recipients. Every message asks for a quote, so every accepted one must end as one WeCom call
 * the fake WeCom API ties back to it by the customer:
 * <ul>
 *   <li>contact kind {@code api}: one alert whose {@code > 客户：} line names {@code load:<contactId>};</li>
 *   <li>contact kind {@code external} (a WeCom customer's {@code external_userid}, the owner its follow user): one
 *       {@code mark_tag} for that {@code external_userid} — besides the alert and the new lead's profile fetch.</li>
 * </ul>
 */
final class IngestedMessageFactory {

    static final String PATH = "/api/v1/messages";
    static final String CHANNEL = "load";
    static final String KIND_API = "api";
    static final String KIND_EXTERNAL = "external";

    /** Quote requests the shipped dictionary tags; the harness checks each tags before loading. */
    static final List<String> TEXTS = List.of(
            "能给个报价吗？",
            "能给个报价吗，要五百件",
            "你好，能给个报价吗",
            "麻烦给个报价，谢谢",
            "能给个报价单吗？我们下周下单");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int owners;
    private final String contactKind;
    private final AtomicLong sequence;

    /**
     * @param owners      salespeople the customers are spread over, round robin
     * @param contactKind {@link #KIND_API} or {@link #KIND_EXTERNAL}
     */
    IngestedMessageFactory(int owners, String contactKind) {
        this.owners = owners;
        this.contactKind = contactKind;
        // Distinct from any earlier run against the same database: each customer is new, so no lead already has an
        // alert pending or sent.
        sequence = new AtomicLong(System.currentTimeMillis() * 1_000L);
    }

    /**
     * The customer as the alert names it: the contact id as events carry it, an API contact's being
     * {@code <channel>:<id>}.
     */
    static String alertCustomer(String contactId) {
        return CHANNEL + ":" + contactId;
    }

    PreparedRequest next() {
        long seq = sequence.incrementAndGet();
        boolean external = KIND_EXTERNAL.equals(contactKind);
        // Shaped like WeCom's external_userid ("wm…"), which a mark_tag names.
        String contactId = external ? "wmLoad" + seq : "load-customer-" + seq;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("tenant", "demo");
        message.put("contactKind", contactKind);
        message.put("contactId", contactId);
        message.put("messageId", "load-" + seq);
        message.put("text", TEXTS.get((int) (seq % TEXTS.size())));
        message.put("ownerUserId", String.format(Locale.ROOT, "load-owner-%03d", seq % owners));
        message.put("channel", CHANNEL);
        try {
            return new PreparedRequest(external ? contactId : alertCustomer(contactId), PATH,
                    JSON.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PreparedRequest[] prepare(int count) {
        PreparedRequest[] messages = new PreparedRequest[count];
        for (int i = 0; i < count; i++) {
            messages[i] = next();
        }
        return messages;
    }
}
