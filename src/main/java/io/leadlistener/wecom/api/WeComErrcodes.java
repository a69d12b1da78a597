package io.leadlistener.wecom.api;

import java.util.Map;

/**
 * What to do when WeCom's server API answers an errcode, and how to tell an operator what it means. The token
 * errors are the caller's to handle once (refresh, then try again); transient ones are retried with backoff; a
 * configuration or data problem is parked at once with a plain explanation, because retrying cannot fix it.
 */
public final class WeComErrcodes {

    /** The handling of an errcode. */
    public enum Handling {
        /** 40014, 42001: the token was rejected — fetch a new one and try once more. */
        REFRESH_TOKEN,
        /** −1, 45009, 45033, or no answer at all: back off with jitter and try again. */
        RETRY,
        /** A configuration or data problem nothing but a person can fix: park now. */
        PARK,
        /** An errcode we do not know: retry a few times, then park. */
        RETRY_THEN_PARK
    }

    /** The corporate tag does not exist (any more): its cached id is resolved again, once. */
    public static final int INVALID_TAG_ID = 40068;

    /**
     * The tag name is invalid or already taken in its group (add_corp_tag); taken, when another replica created it
     * first. See the global errcodes, https://developer.work.weixin.qq.com/document/path/90313.
     */
    public static final int TAG_NAME_TAKEN = 40071;

    private static final Map<Integer, String> PARK_AT_ONCE = Map.of(
            40001, "the app's Secret is wrong (leadlistener.tenants.<id>.app-secret, or contact-secret for customer "
                    + "tags): copy it again from the WeCom admin console (应用管理 → the app → Secret; 客户联系 → API)",
            48002, "this API is not allowed for the app: enable it in the WeCom admin console (应用管理 → the app → "
                    + "API permissions; customer tags need the 客户联系 Secret or an app granted customer-contact "
                    + "access)",
            60011, "the app has no privilege for this user or department: add them to the app's visible range "
                    + "(应用管理 → the app → 可见范围)",
            81013, "every recipient is invalid or outside the app's visible range: check the user ids and add them "
                    + "to the app's visible range (应用管理 → the app → 可见范围)",
            84061, "the customer has no external-contact relation with this user",
            INVALID_TAG_ID, "the corporate tag does not exist, even after looking it up again (deleted in WeCom "
                    + "while being marked?): replay the action");

    private WeComErrcodes() {
    }

    public static Handling of(int errcode) {
        if (errcode == WeComApiException.INVALID_ACCESS_TOKEN || errcode == WeComApiException.EXPIRED_ACCESS_TOKEN) {
            return Handling.REFRESH_TOKEN;
        }
        if (errcode == WeComApiException.BUSY || errcode == 45009 || errcode == 45033) {
            return Handling.RETRY;
        }
        return PARK_AT_ONCE.containsKey(errcode) ? Handling.PARK : Handling.RETRY_THEN_PARK;
    }

    /** What the errcode means for an operator, e.g. on a parked action; generic for codes we do not know. */
    public static String explain(int errcode) {
        String known = PARK_AT_ONCE.get(errcode);
        if (known != null) {
            return "errcode " + errcode + ": " + known;
        }
        return switch (of(errcode)) {
            case REFRESH_TOKEN -> "errcode " + errcode + ": the access token was rejected; a new one is fetched";
            case RETRY -> "errcode " + errcode + ": WeCom is busy or limits the rate; retried with backoff";
            default -> "errcode " + errcode + ": not a code this service knows; retried, then parked";
        };
    }
}
