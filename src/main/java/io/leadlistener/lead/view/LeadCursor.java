package io.leadlistener.lead.view;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a lead list: where the previous page ended in creation order. Leads created after the
 * first page sort above it, so a walk through the pages sees each lead that existed when it began exactly once.
 */
final class LeadCursor {

    private static final String PREFIX = "lead-seq:";

    private LeadCursor() {
    }

    static String encode(long createdSeq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + createdSeq).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Long> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            return seq > 0 ? Optional.of(seq) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
