package io.leadlistener.lead.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.RuleStore;
import io.leadlistener.rest.JsonBodies;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A tenant's lead routing rules: which pool each intent's leads go to, and who is alerted in WeCom about a pool's
 * leads without an owner. Every change is published at once as a
 * new version (the full rules, who, when, what changed); the worker routes each lead by the version in force when
 * its message is processed, and the event's {@code routing.ruleSetVersion} names it.
 */
@AdminApi
@Tag(name = "Lead routing")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingRulesResource {

    private static final int MAX_NOTE = 500;

    private final RoutingRuleStore store;
    private final TenantDirectory tenants;
    private final RuleStore intentRules;
    private final AdminCaller caller;
    private final JsonBodies bodies;

    public RoutingRulesResource(RoutingRuleStore store, TenantDirectory tenants, RuleStore intentRules,
                                AdminCaller caller, JsonBodies bodies) {
        this.bodies = bodies;
        this.store = store;
        this.tenants = tenants;
        this.intentRules = intentRules;
        this.caller = caller;
    }

    /**
     * @param baseVersion optional: the version the edit was based on; if another is in force by now, 409 instead
     *                    of overwriting someone else's change
     */
    @Schema(name = "RoutingRequest")
    @JsonIgnoreProperties({"tenant", "version", "origin", "publishedAt", "publishedBy", "rolledBackTo", "changes"})
    public record RoutingRequest(Map<String, String> pools, List<String> precedence, String defaultPool,
                                 Map<String, PoolRecipients> recipients, String note, Long baseVersion) {
    }

    @Schema(name = "RollbackRequest")
    public record RollbackRequest(Long version, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoutingView(String tenant, long version, Map<String, String> pools, List<String> precedence,
                              String defaultPool, @JsonInclude(JsonInclude.Include.ALWAYS)
                              Map<String, PoolRecipients> recipients, String origin, Instant publishedAt,
                              String publishedBy, Long rolledBackTo, String note, @JsonRawValue String changes) {
        static RoutingView of(RoutingRules rules) {
            return new RoutingView(rules.tenant(), rules.version(), new java.util.TreeMap<>(rules.pools()),
                    rules.precedence(), rules.defaultPool(), new java.util.TreeMap<>(rules.recipients()),
                    rules.origin(), rules.publishedAt(),
                    rules.publishedBy(), rules.rolledBackTo(), rules.note(), rules.changesJson());
        }
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Operation(summary = "The routing rules in force (version 0 = the configured defaults)")
    public RoutingView current(@RestPath String tenant) {
        tenants.require(tenant);
        return RoutingView.of(QuarkusTransaction.requiringNew().call(() -> store.current(tenant)));
    }

    @RequiredRole(Role.EDITOR)
    @PUT
    @Operation(summary = "Replace the routing rules: published at once as a new version")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoutingRequest.class), examples = @ExampleObject(
            name = "quotes to key accounts", value = """
                    {"pools": {"agency": "channel-partners", "sample": "sample-desk", "quote": "key-accounts"},
                     "precedence": ["agency", "sample", "quote"], "defaultPool": "sales",
                     "recipients": {"sales": {"users": ["zhangsan"]}, "key-accounts": {"departments": [2]}},
                     "note": "Q4: quotes go to key accounts", "baseVersion": 3}""")))
    public RoutingView replace(@RestPath String tenant, JsonNode body) {
        tenants.require(tenant);
        if (body == null || body.isNull()) {
            throw ProblemException.badRequest("invalid-routing", "a JSON body with pools, precedence and defaultPool"
                    + " is required");
        }
        JsonBodies.Reading<RoutingRequest> reading = bodies.read(body, RoutingRequest.class,
                "a JSON object with pools, precedence and defaultPool");
        if (!reading.valid()) {
            throw invalid(reading.errors().stream()
                    .map(error -> new RoutingDefinition.FieldError(error.field(), error.detail())).toList());
        }
        RoutingRequest request = reading.value();
        String note = note(request.note());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<RoutingDefinition.FieldError> errors = RoutingDefinition.validate(request.pools(),
                    request.precedence(), request.defaultPool(), request.recipients(), knownIntents(tenant),
                    tenants.require(tenant).robotKeys().keySet());
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            // Absent recipients keep those in force: an editor that only knows pools must not clear them.
            Map<String, PoolRecipients> recipients = request.recipients() != null ? request.recipients()
                    : store.current(tenant).recipients();
            RoutingDefinition rules = new RoutingDefinition(request.pools(), request.precedence(),
                    request.defaultPool(), recipients);
            return RoutingView.of(publish(tenant, rules, RoutingRules.EDIT, null, note, request.baseVersion()));
        });
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions")
    @Operation(summary = "Every version, newest first; the last is version 0, the configured defaults")
    public List<RoutingView> versions(@RestPath String tenant) {
        tenants.require(tenant);
        return QuarkusTransaction.requiringNew().call(() -> store.versions(tenant)).stream()
                .map(RoutingView::of).toList();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions/{version}")
    @Operation(summary = "One version")
    public RoutingView version(@RestPath String tenant, @RestPath long version) {
        tenants.require(tenant);
        return RoutingView.of(QuarkusTransaction.requiringNew().call(() -> store.version(tenant, version))
                .orElseThrow(() -> noSuchVersion(tenant, version)));
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @Path("rollback")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RollbackRequest.class)))
    @Operation(summary = "Put an earlier version's rules back in force, as a new version")
    public RoutingView rollback(@RestPath String tenant, JsonNode body) {
        tenants.require(tenant);
        RollbackRequest request = bodies.readOptional(body, RollbackRequest.class,
                "a JSON object with the fields version, note", "invalid-rollback");
        if (request.version() == null || request.version() < 0) {
            throw ProblemException.badRequest("invalid-rollback", "version is required: the version (≥ 0) whose "
                    + "rules to restore");
        }
        String note = note(request.note());
        return QuarkusTransaction.requiringNew().call(() -> {
            RoutingRules target = store.version(tenant, request.version())
                    .orElseThrow(() -> noSuchVersion(tenant, request.version()));
            RoutingDefinition rules = new RoutingDefinition(target.pools(), target.precedence(),
                    target.defaultPool(), target.recipients());
            return RoutingView.of(publish(tenant, rules, RoutingRules.ROLLBACK, target.version(), note, null));
        });
    }

    private RoutingRules publish(String tenant, RoutingDefinition rules, String origin, Long rolledBackTo,
                                 String note, Long baseVersion) {
        try {
            return store.publish(tenant, rules, caller.name(), origin, rolledBackTo, note, baseVersion);
        } catch (RoutingRuleStore.NothingChanged e) {
            throw new ProblemException(409, "routing-unchanged", "Conflict", "nothing to publish: the rules equal"
                    + " version " + e.versionInForce + ", which is in force");
        } catch (RoutingRuleStore.StaleEdit e) {
            throw new ProblemException(409, "routing-edit-conflict", "Conflict", "the edit was based on version "
                    + baseVersion + " but version " + e.versionInForce + " is in force now; reload and edit again",
                    Map.of("versionInForce", e.versionInForce));
        }
    }

    private Set<String> knownIntents(String tenant) {
        return intentRules.intents(RuleSetNames.layers(tenant)).stream().map(RuleStore.IntentDefinition::name)
                .collect(Collectors.toSet());
    }

    private static String note(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.badRequest("invalid-routing", "note must be at most " + MAX_NOTE + " characters");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }

    private static ProblemException noSuchVersion(String tenant, long version) {
        return ProblemException.notFound("unknown-routing-version", "tenant '" + tenant
                + "' has no routing version " + version);
    }

    private static ProblemException invalid(List<RoutingDefinition.FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.detail())
                .collect(Collectors.joining("; "));
        return new ProblemException(400, "invalid-routing", "Bad request", detail, Map.of("errors",
                errors.stream().map(error -> Map.of("field", error.field(), "detail", error.detail())).toList()));
    }
}
