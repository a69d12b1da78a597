package io.leadlistener.actions;

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

/** Actions in WeCom the worker parked (a configuration or data problem), with WeCom's errcode explained; replay. */
@AdminApi
@Tag(name = "Inbox operations")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/actions/parked")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedActionsResource {

    private final TenantDirectory tenants;
    private final ActionAdministration actions;
    private final AdminCaller caller;
    private final ActionWakeup wakeup;

    public ParkedActionsResource(TenantDirectory tenants, ActionAdministration actions, AdminCaller caller,
                                 ActionWakeup wakeup) {
        this.tenants = tenants;
        this.actions = actions;
        this.caller = caller;
        this.wakeup = wakeup;
    }

    @RequiredRole(Role.VIEWER)
    @GET
    public List<ActionAdministration.ParkedAction> list(@RestPath String tenant,
                                                        @RestQuery @DefaultValue("100") int limit) {
        tenants.require(tenant);
        ParkedReplays.requirePageSize(limit);
        return QuarkusTransaction.requiringNew().call(() -> actions.parked(tenant, limit));
    }

    @RequiredRole(Role.OPERATOR)
    @POST
    @Path("{actionId}/replay")
    public Replayed replayOne(@RestPath String tenant, @RestPath String actionId) {
        tenants.require(tenant);
        int replayed = replay(tenant, actionId);
        if (replayed == 0) {
            throw ProblemException.notFound("parked-action-not-found",
                    "tenant '" + tenant + "' has no parked action " + actionId);
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

    private int replay(String tenant, String actionId) {
        return ParkedReplays.replay(() -> actions.replay(tenant, actionId), caller, tenant,
                "parked WeCom action(s)", wakeup);
    }
}
