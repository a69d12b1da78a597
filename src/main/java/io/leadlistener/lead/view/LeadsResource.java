package io.leadlistener.lead.view;

import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.errors.NotFoundException;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Leads without a Kafka consumer: the list, one lead's timeline, the stats (docs/leads-api.md). Viewers may read;
 * message text follows the tenant's {@code include-message-text} at the time of the request.
 */
@AdminApi
@Tag(name = "Leads")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class LeadsResource {

    private static final String INSTANT = "an RFC 3339 date-time with an offset, e.g. 2026-12-01T00:00:00+08:00";

    private final TenantDirectory tenants;
    private final LeadSearch search;
    private final LeadTimeline timeline;
    private final LeadStats stats;

    public LeadsResource(TenantDirectory tenants, LeadSearch search, LeadTimeline timeline, LeadStats stats) {
        this.tenants = tenants;
        this.search = search;
        this.timeline = timeline;
        this.stats = stats;
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("leads")
    @Operation(summary = "The tenant's leads, newest first, filtered and paged by cursor",
            description = "Every filter is optional; time windows are half-open [from, to). An unknown parameter, "
                    + "a bad instant or a limit outside 1–200 is a 400 naming the parameter.")
    @Parameters({
            @Parameter(name = "intent", in = ParameterIn.QUERY, description = "leads tagged with this intent id"),
            @Parameter(name = "pool", in = ParameterIn.QUERY, description = "leads routed to this pool"),
            @Parameter(name = "owner", in = ParameterIn.QUERY, description = "leads owned by this WeCom userid"),
            @Parameter(name = "channel", in = ParameterIn.QUERY, description = "wecom-app, wecom-contact, wecom-kf "
                    + "or api"),
            @Parameter(name = "createdFrom", in = ParameterIn.QUERY, description = "created at or after: " + INSTANT),
            @Parameter(name = "createdTo", in = ParameterIn.QUERY, description = "created before: " + INSTANT),
            @Parameter(name = "seenFrom", in = ParameterIn.QUERY, description = "last seen at or after: " + INSTANT),
            @Parameter(name = "seenTo", in = ParameterIn.QUERY, description = "last seen before: " + INSTANT),
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "text in the customer's name, company or "
                    + "a salesperson's remark (from WeCom's profile), case-insensitive"),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size, 1–200 (default 50)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                            minimum = "1", maximum = "200", defaultValue = "50")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")})
    public LeadPage list(@RestPath String tenant, @Context UriInfo uri) {
        Tenant known = tenants.require(tenant);
        LeadFilter filter = LeadFilter.parse(uri.getQueryParameters());
        return QuarkusTransaction.requiringNew().call(() -> search.page(known, filter));
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("leads/{leadId}")
    @Operation(summary = "A lead and its timeline, oldest first",
            description = "Tagged messages (text, intents, matched spans, rule version), contact events, events "
                    + "published (type, id, time) and actions taken in WeCom (type, status, outcome, time); the "
                    + "latest 500 entries.")
    @APIResponse(responseCode = "200", description = "the lead and its timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeadDetail.class)))
    @APIResponse(responseCode = "404", description = "no such lead in this tenant")
    public LeadDetail lead(@RestPath String tenant, @RestPath String leadId, @Context UriInfo uri) {
        Tenant known = tenants.require(tenant);
        new QueryParameters(uri.getQueryParameters(), java.util.Set.of()).throwIfInvalid();
        return QuarkusTransaction.requiringNew().call(() -> search.find(known, leadId)
                .map(lead -> timeline.of(known, lead))
                .orElseThrow(() -> new NotFoundException("unknown-lead",
                        "tenant '" + tenant + "' has no lead '" + leadId + "'")));
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("stats")
    @Operation(summary = "Leads created, messages tagged, capture latency and alerts sent, per hour or day",
            description = "The period is rounded out to whole buckets and may span at most 92 days; every bucket "
                    + "is present, empty ones with zeros.")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "start: " + INSTANT),
            @Parameter(name = "to", in = ParameterIn.QUERY, required = true, description = "end (exclusive): "
                    + INSTANT),
            @Parameter(name = "bucket", in = ParameterIn.QUERY, description = "hour or day (default day)"),
            @Parameter(name = "zone", in = ParameterIn.QUERY, description = "where days start, e.g. Asia/Shanghai "
                    + "(default UTC)")})
    public StatsReport stats(@RestPath String tenant, @Context UriInfo uri) {
        tenants.require(tenant);
        StatsRequest request = StatsRequest.parse(uri.getQueryParameters());
        return QuarkusTransaction.requiringNew().call(() -> stats.report(tenant, request));
    }
}
