package io.leadlistener.lead.retag;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.rest.JsonBodies;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Re-tag jobs of a tenant: after a publish, re-tag the messages of the last N days with the version now in force and
 * emit {@code lead.intent-tagged.v1} for each message whose intents changed. Idempotent (event ids derive from
 * message + version, and re-tagged messages carry the version), cancellable, bounded by the text retention and
 * {@code leadlistener.retag.max-messages}.
 */
@AdminApi
@Tag(name = "Intent rules")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/retag-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetagJobsResource {

    private static final int DEFAULT_DAYS = 7;
    private static final int MAX_LIST = 100;

    private final RetagJobs jobs;
    private final TenantDirectory tenants;
    private final AdminCaller caller;
    private final JsonBodies bodies;

    public RetagJobsResource(RetagJobs jobs, TenantDirectory tenants, AdminCaller caller, JsonBodies bodies) {
        this.bodies = bodies;
        this.jobs = jobs;
        this.tenants = tenants;
        this.caller = caller;
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @Operation(summary = "Start re-tagging the last N days with the version in force (body optional: {\"days\": 7})")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RetagRequest.class)))
    public Response start(@RestPath String tenant, JsonNode body, UriInfo uri) {
        String tenantId = requireTenant(tenant);
        Integer requested = bodies.readOptional(body, RetagRequest.class, "a JSON object with the field days",
                "invalid-retag-request").days();
        int days = requested == null ? DEFAULT_DAYS : requested;
        RetagJob job = jobs.start(tenantId, days, caller.name());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(Long.toString(job.id())).build())
                .build();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Operation(summary = "The tenant's re-tag jobs, newest first")
    public List<RetagJob> list(@RestPath String tenant, @RestQuery @DefaultValue("20") int limit) {
        String tenantId = requireTenant(tenant);
        if (limit < 1 || limit > MAX_LIST) {
            throw ProblemException.badRequest("invalid-query-parameter",
                    "limit must be between 1 and " + MAX_LIST + ", got " + limit);
        }
        return jobs.list(tenantId, limit);
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("{id}")
    @Operation(summary = "A re-tag job's progress")
    public RetagJob find(@RestPath String tenant, @RestPath long id) {
        return jobs.find(requireTenant(tenant), id);
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Stop a queued or running re-tag job after its current batch")
    public RetagJob cancel(@RestPath String tenant, @RestPath long id) {
        return jobs.cancel(requireTenant(tenant), id);
    }

    private String requireTenant(String tenant) {
        if (RuleSetNames.DEFAULT.equals(tenant)) {
            throw ProblemException.badRequest("retag-needs-tenant", "re-tagging runs per tenant: 'default' is the"
                    + " shared rule set, not a tenant; start a job for each tenant whose messages should be re-tagged");
        }
        return tenants.require(tenant).id();
    }
}
