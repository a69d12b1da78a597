package io.leadlistener.intent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an impact preview evaluates; the body is optional and so is each field.
 *
 * @param days        the stored messages of the last N days (default 7; at most the text retention)
 * @param maxMessages at most this many, newest first (default and limit: {@code leadlistener.intent.impact.max-messages})
 */
@Schema(name = "ImpactRequest")
public record ImpactRequest(@Schema(defaultValue = "7", minimum = "1") Integer days,
                            @Schema(minimum = "1") Integer maxMessages) {
}
