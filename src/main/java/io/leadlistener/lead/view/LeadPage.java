package io.leadlistener.lead.view;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a lead list, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@Schema(name = "LeadPage")
public record LeadPage(List<LeadSummary> items, String nextCursor) {
}
