package io.leadlistener.lead.view;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lead with its timeline, oldest first.
 *
 * @param timelineTruncated the lead has more history than the {@value LeadTimeline#MAX_ENTRIES} latest entries shown
 */
@Schema(name = "LeadDetail")
public record LeadDetail(LeadSummary lead, List<TimelineEntry> timeline, boolean timelineTruncated) {
}
