package io.leadlistener.events;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Outbox events the relay parked (the broker refused them for what they are), with their errors; replay. */
@AdminApi
@Tag(name = "Inbox operations")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/events/parked")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventsResource {

    private final TenantDirectory tenants;
    private final OutboxAdministration outbox;
    private final AdminCaller caller;
    private final OutboxWakeup wakeup;

    public ParkedEventsResource(TenantDirectory tenants, OutboxAdministration outbox, AdminCaller caller,
                                OutboxWakeup wakeup) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.caller = caller;
        this.wakeup = wakeup;
    }

    @RequiredRole(Role.VIEWER)
    @GET
    public List<OutboxAdministration.ParkedEvent> list(@RestPath String tenant, @RestQuery @DefaultValue("100") int limit) {
        tenants.require(tenant);
        ParkedReplays.requirePageSize(limit);
        return QuarkusTransaction.requiringNew().call(() -> outbox.parked(tenant, limit));
    }

    @RequiredRole(Role.OPERATOR)
    @POST
    @Path("{eventId}/replay")
    public Replayed replayOne(@RestPath String tenant, @RestPath String eventId) {
        tenants.require(tenant);
        int replayed = replay(tenant, eventId);
        if (replayed == 0) {
            throw ProblemException.notFound("parked-event-not-found",
                    "tenant '" + tenant + "' has no parked event " + eventId);
        }
        return new Replayed(replayed);
    }

    @RequiredRole(Role.OPERATOR)
    @POST
    @Path("replay")
    public Replayed replayAll(@RestPath String tenant) {
        tenants.require(tenant);
        return new Replayed(replay(tenant, null));
    }

    private int replay(String tenant, String eventId) {
        return ParkedReplays.replay(() -> outbox.replay(tenant, eventId), caller, tenant, "parked event(s)", wakeup);
    }
}
