package io.leadlistener.intent.api;

import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.RuleStore;
import io.leadlistener.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The intents a rule set can tag: the built-in ones of {@code default} plus a tenant's custom intents. */
@AdminApi
@Tag(name = "Intent rules")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/intents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntentsResource {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final RuleStore store;
    private final RuleSetNames names;
    private final AdminCaller caller;

    public IntentsResource(RuleStore store, RuleSetNames names, AdminCaller caller) {
        this.store = store;
        this.names = names;
        this.caller = caller;
    }

    public record IntentView(String name, String label, String description, String definedIn) {
    }

    public record IntentRequest(String name, String label, String description) {
    }

    @RequiredRole(Role.VIEWER)
    @GET
    public List<IntentView> list(@RestPath String tenant) {
        String ruleSet = names.require(tenant);
        return QuarkusTransaction.requiringNew().call(() -> store.intents(RuleSetNames.layers(ruleSet))).stream()
                .map(intent -> new IntentView(intent.name(), intent.label(), intent.description(), intent.ruleSet()))
                .toList();
    }

    @RequiredRole(Role.EDITOR)
    @POST
    public Response create(@RestPath String tenant, IntentRequest request) {
        String ruleSet = names.require(tenant);
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ProblemException.badRequest("invalid-intent", "name is required");
        }
        String name = request.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("invalid-intent", "name '" + name
                    + "' must be lower-case letters, digits, '_' or '-', starting with a letter (at most 64)");
        }
        String label = request.label() == null ? "" : request.label().strip();
        String description = request.description() == null ? "" : request.description().strip();
        if (label.length() > 100 || description.length() > 500) {
            throw ProblemException.badRequest("invalid-intent",
                    "label must be at most 100 and description at most 500 characters");
        }
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            boolean alreadyKnown = store.intents(RuleSetNames.layers(ruleSet)).stream()
                    .anyMatch(intent -> intent.name().equals(name));
            if (alreadyKnown) {
                return false;
            }
            store.addIntent(new RuleStore.IntentDefinition(ruleSet, name, label, description), caller.name());
            store.audit(ruleSet, null, caller.name(), "define intent", "{\"intent\":\"" + name + "\"}");
            return true;
        });
        if (!created) {
            throw new ProblemException(409, "duplicate-intent", "Conflict",
                    "intent '" + name + "' is already defined for '" + ruleSet + "'");
        }
        return Response.status(201).entity(new IntentView(name, label, description, ruleSet)).build();
    }
}
