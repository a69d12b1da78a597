package io.leadlistener.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A customer's contact id as INFO and WARN lines print it: the kind, a short non-identifying prefix, and the first 10
 * hex digits of the SHA-256 of the whole contact key — {@code external:wm…#3f9a0c12de}. The same contact always gives
 * the same mask, so on-call can still follow one customer through the log, and can compute the mask of a contact they
 * are asked about ({@code echo -n 'external:wmXXXX' | sha256sum}); the log itself no longer names the customer.
 * Employees' userids ({@code user:…}) and 微信客服 accounts ({@code kf:…}) are not customer identifiers and stay as
 * they are. See docs/privacy.md.
 */
public final class ContactMask {

    private static final int HASH_HEX_DIGITS = 10;
    private static final int KEPT_PREFIX = 2;

    private ContactMask() {
    }

    /**
     * @param contactKey an inbox contact key ({@code external:<external_userid>}, {@code api:<channel>:<id>},
     *                   {@code user:<userid>}, {@code kf:<open_kfid>}), or null
     * @return the masked form; {@code -} for null
     */
    public static String of(String contactKey) {
        if (contactKey == null) {
            return "-";
        }
        if (contactKey.startsWith("user:") || contactKey.startsWith("internal:") || contactKey.startsWith("kf:")) {
            return contactKey;
        }
        String kept;
        if (contactKey.startsWith("external:")) {
            String id = contactKey.substring("external:".length());
            kept = "external:" + id.substring(0, Math.min(KEPT_PREFIX, id.length()));
        } else if (contactKey.startsWith("api:")) {
            // api:<channel>:<contactId> — the channel names a pipeline, not a person
            int channelEnd = contactKey.indexOf(':', "api:".length());
            kept = channelEnd < 0 ? "api:" : contactKey.substring(0, channelEnd + 1);
        } else {
            kept = "";
        }
        return kept + "…#" + hash(contactKey);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
