package io.leadlistener.lead.retag;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which stored messages a re-tag job covers; the body is optional.
 *
 * @param days the messages of the last N days (default 7; at most the text retention)
 */
@Schema(name = "RetagRequest")
public record RetagRequest(@Schema(defaultValue = "7", minimum = "1") Integer days) {
}
