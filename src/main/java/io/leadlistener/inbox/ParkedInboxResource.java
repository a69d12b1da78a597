package io.leadlistener.inbox;

import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.ParkedReplays.Replayed;
import io.leadlistener.admin.api.ParkedReplays;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * On-call's view of the inbox: how much is waiting, which rows were parked and why, and replaying them once the
 * cause is fixed.
 */
@AdminApi
@Tag(name = "Inbox operations")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedInboxResource {

    private static final Logger LOG = Logger.getLogger(ParkedInboxResource.class);

    private final TenantDirectory tenants;
    private final InboxAdministration administration;
    private final AdminCaller caller;

    public ParkedInboxResource(TenantDirectory tenants, InboxAdministration administration, AdminCaller caller) {
        this.tenants = tenants;
        this.administration = administration;
        this.caller = caller;
    }

    public record Summary(String tenant, long pending, long done, long parked, Instant oldestPendingReceivedAt) {
    }

    public record ParkedRow(long id, String dedupeKey, String contactKey, String msgType, String msgId,
                            int attempts, String lastError, Instant receivedAt, Instant parkedAt,
                            boolean textPurged) {
    }

    public record ParkedPage(List<ParkedRow> items, Long nextAfterId) {
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("summary")
    public Summary summary(@RestPath String tenant) {
        tenants.require(tenant);
        return administration.summary(tenant);
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("parked")
    public ParkedPage parked(@RestPath String tenant, @RestQuery @DefaultValue("50") int limit,
                             @RestQuery Long afterId) {
        tenants.require(tenant);
        ParkedReplays.requirePageSize(limit);
        List<ParkedRow> rows = administration.parked(tenant, afterId == null ? 0 : afterId, limit);
        Long next = rows.size() == limit ? rows.get(rows.size() - 1).id() : null;
        return new ParkedPage(rows, next);
    }

    @RequiredRole(Role.OPERATOR)
    @POST
    @Path("parked/{id}/replay")
    public Replayed replayOne(@RestPath String tenant, @RestPath long id) {
        tenants.require(tenant);
        InboxAdministration.ReplayOutcome outcome = QuarkusTransaction.requiringNew()
                .call(() -> administration.replay(tenant, id));
        switch (outcome) {
            case NOT_PARKED -> throw ProblemException.notFound("parked-row-not-found",
                    "tenant '" + tenant + "' has no parked inbox row " + id);
            case TEXT_PURGED -> throw new ProblemException(409, "text-purged", "Conflict",
                    "inbox row " + id + " lost its message text to the retention purge and cannot be replayed");
            default -> {
                LOG.infof("Admin %s replayed parked inbox row %d of tenant %s", caller.name(), id, tenant);
                return new Replayed(1);
            }
        }
    }

    @RequiredRole(Role.OPERATOR)
    @POST
    @Path("parked/replay")
    public Replayed replayAll(@RestPath String tenant) {
        tenants.require(tenant);
        int replayed = QuarkusTransaction.requiringNew().call(() -> administration.replayAll(tenant));
        LOG.infof("Admin %s replayed %d parked inbox row(s) of tenant %s", caller.name(), replayed, tenant);
        return new Replayed(replayed);
    }
}
