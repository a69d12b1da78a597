package io.leadlistener.inbox;

import io.leadlistener.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * How far back stored message text reaches: the text retention. Features that re-read old messages (impact preview,
 * re-tag) accept a window of whole days within it, since older rows no longer hold their text.
 */
@ApplicationScoped
public class RetainedTextWindow {

    private final Duration textRetention;

    public RetainedTextWindow(InboxConfig config) {
        this.textRetention = config.retention().textRetention();
    }

    /** The most days a window may reach back. */
    public int maxDays() {
        return (int) Math.max(1, textRetention.toDays());
    }

    /** @throws InvalidInputException ({@code slug}) when {@code days} is not between 1 and {@link #maxDays()} */
    public void requireDays(int days, String slug) {
        if (days < 1 || days > maxDays()) {
            throw new InvalidInputException(slug, "days must be between 1 and " + maxDays()
                    + " (message text is kept for " + textRetention.toDays()
                    + " days, leadlistener.inbox.retention.text-retention); got " + days);
        }
    }
}
