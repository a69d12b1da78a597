package io.leadlistener.intent.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.intent.impact.ImpactPreview;
import io.leadlistener.intent.impact.ImpactReport;
import io.leadlistener.intent.rules.RuleDiff;
import io.leadlistener.intent.rules.RuleDiffView;
import io.leadlistener.intent.rules.RuleSetEditor;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.RuleStore;
import io.leadlistener.intent.rules.RuleView;
import io.leadlistener.intent.rules.StoredRule;
import io.leadlistener.intent.rules.TaggerRegistry;
import io.leadlistener.rest.JsonBodies;
import io.leadlistener.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Intent rules of a rule set ({@code default} or a tenant): edit the draft, publish it as a version, look at
 * history, diff, roll back. Every change of what is in force is a new version with an audit row naming the admin
 * token that made it.
 */
@AdminApi
@Tag(name = "Intent rules")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/intent-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntentRulesResource {

    private static final int MAX_PAGE_SIZE = 500;
    private static final int DEFAULT_IMPACT_DAYS = 7;

    private final RuleSetEditor editor;
    private final RuleStore store;
    private final RuleSetNames names;
    private final TaggerRegistry registry;
    private final AdminCaller caller;
    private final ImpactPreview impactPreview;
    private final JsonBodies bodies;

    public IntentRulesResource(RuleSetEditor editor, RuleStore store, RuleSetNames names, TaggerRegistry registry,
                               AdminCaller caller, ImpactPreview impactPreview, JsonBodies bodies) {
        this.impactPreview = impactPreview;
        this.bodies = bodies;
        this.editor = editor;
        this.store = store;
        this.names = names;
        this.registry = registry;
        this.caller = caller;
    }

    public record RulePage(String ruleSet, String state, Long version, int page, int size, int total,
                           List<RuleView> items) {
    }

    /** A rule change, and the version it went live in when published in the same call. */
    public record RuleChangeResult(RuleView rule, Long publishedVersion) {
    }

    public record PublishResult(String ruleSet, long version, RuleDiffView changes) {
    }

    public record VersionView(long version, Instant publishedAt, String publishedBy, String origin,
                              Long rolledBackTo, int ruleCount) {
        static VersionView of(RuleStore.VersionInfo info) {
            return new VersionView(info.version(), info.publishedAt(), info.publishedBy(), info.origin(),
                    info.rolledBackTo(), info.ruleCount());
        }
    }

    /** An audit row; {@code changes} is the JSON document written at the time (added/removed/changed). */
    public record AuditView(long id, String ruleSet, Long version, String actor, Instant at, String action,
                            @JsonRawValue String changes) {
        static AuditView of(RuleStore.AuditEntry entry) {
            return new AuditView(entry.id(), entry.ruleSet(), entry.version(), entry.actor(), entry.at(),
                    entry.action(), entry.changes());
        }
    }

    public record VersionRules(String ruleSet, VersionView version, List<RuleView> rules) {
    }

    @RequiredRole(Role.VIEWER)
    @GET
    public RulePage list(@RestPath String tenant, @RestQuery @DefaultValue("draft") String state,
                         @RestQuery String intent, @RestQuery String kind, @RestQuery String q,
                         @RestQuery @DefaultValue("0") int page, @RestQuery @DefaultValue("50") int size) {
        String ruleSet = names.require(tenant);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("invalid-query-parameter",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + "; got page=" + page + ", size=" + size);
        }
        boolean draft = switch (state.toLowerCase(Locale.ROOT)) {
            case "draft" -> true;
            case "published" -> false;
            default -> throw ProblemException.badRequest("invalid-query-parameter",
                    "state must be 'draft' or 'published', got '" + state + "'");
        };
        Long version = inTransaction(() -> store.latestVersion(ruleSet).orElse(null));
        List<StoredRule> rules = inTransaction(() -> draft ? editor.draft(ruleSet) : editor.publishedRules(ruleSet));
        String needle = q == null ? null : q.strip().toLowerCase(Locale.ROOT);
        List<RuleView> matching = rules.stream()
                .filter(rule -> intent == null || rule.rule().intent().equals(intent))
                .filter(rule -> kind == null || rule.rule().kind().code().equalsIgnoreCase(kind))
                .filter(rule -> needle == null || needle.isEmpty()
                        || rule.rule().keyword().toLowerCase(Locale.ROOT).contains(needle)
                        || rule.rule().note().toLowerCase(Locale.ROOT).contains(needle))
                .map(RuleView::of)
                .toList();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new RulePage(ruleSet, draft ? "draft" : "published", version, page, size, matching.size(),
                matching.subList(from, to));
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RuleRequest.class)))
    public Response add(@RestPath String tenant, @RestQuery @DefaultValue("false") boolean publish, JsonNode body) {
        String ruleSet = names.require(tenant);
        var rule = ruleRequest(body).toRule();
        RuleChangeResult result = inTransaction(() -> {
            StoredRule added = editor.addRule(ruleSet, rule, caller.name());
            return new RuleChangeResult(RuleView.of(added), publish ? editor.publish(ruleSet, caller.name()).version()
                    : null);
        });
        refreshIf(publish);
        return Response.status(201).entity(result).build();
    }

    @RequiredRole(Role.EDITOR)
    @PUT
    @Path("{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RuleRequest.class)))
    public RuleChangeResult update(@RestPath String tenant, @RestPath long id,
                                   @RestQuery @DefaultValue("false") boolean publish, JsonNode body) {
        String ruleSet = names.require(tenant);
        var rule = ruleRequest(body).toRule();
        RuleChangeResult result = inTransaction(() -> {
            StoredRule updated = editor.updateRule(ruleSet, id, rule, caller.name());
            return new RuleChangeResult(RuleView.of(updated),
                    publish ? editor.publish(ruleSet, caller.name()).version() : null);
        });
        refreshIf(publish);
        return result;
    }

    @RequiredRole(Role.EDITOR)
    @DELETE
    @Path("{id}")
    public Response delete(@RestPath String tenant, @RestPath long id,
                           @RestQuery @DefaultValue("false") boolean publish) {
        String ruleSet = names.require(tenant);
        Long version = inTransaction(() -> {
            editor.deleteRule(ruleSet, id);
            return publish ? editor.publish(ruleSet, caller.name()).version() : null;
        });
        refreshIf(publish);
        return version == null ? Response.noContent().build()
                : Response.ok(new RuleChangeResult(null, version)).build();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("draft")
    public RuleDiffView draftChanges(@RestPath String tenant) {
        String ruleSet = names.require(tenant);
        return RuleDiffView.of(inTransaction(() -> editor.draftChanges(ruleSet)));
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @Path("draft/publish")
    public PublishResult publish(@RestPath String tenant) {
        String ruleSet = names.require(tenant);
        RuleSetEditor.Published published = inTransaction(() -> editor.publish(ruleSet, caller.name()));
        registry.refresh();
        return new PublishResult(ruleSet, published.version(), RuleDiffView.of(published.diff()));
    }

    /**
     * Impact preview: the draft evaluated against the messages stored in the last {@code days} days (within the
     * text retention), newest first, at most {@code maxMessages}. Body optional: {@code {"days": 7, "maxMessages":
     * 5000}}.
     */
    @RequiredRole(Role.VIEWER)
    @POST
    @Path("draft/impact")
    @Operation(summary = "How many stored messages would gain or lose each intent if the draft were published")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImpactRequest.class)))
    public ImpactReport impact(@RestPath String tenant, JsonNode body) {
        String ruleSet = names.require(tenant);
        ImpactRequest request = bodies.readOptional(body, ImpactRequest.class,
                "a JSON object with the fields days, maxMessages", "invalid-impact-request");
        return impactPreview.preview(ruleSet, request.days() == null ? DEFAULT_IMPACT_DAYS : request.days(),
                request.maxMessages() == null ? impactPreview.maxMessages() : request.maxMessages());
    }

    @RequiredRole(Role.EDITOR)
    @DELETE
    @Path("draft")
    public Response discardDraft(@RestPath String tenant) {
        String ruleSet = names.require(tenant);
        QuarkusTransaction.requiringNew().run(() -> editor.discardDraft(ruleSet, caller.name()));
        return Response.noContent().build();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions")
    public List<VersionView> versions(@RestPath String tenant) {
        String ruleSet = names.require(tenant);
        return inTransaction(() -> store.versions(ruleSet)).stream().map(VersionView::of).toList();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions/{version}")
    public VersionRules version(@RestPath String tenant, @RestPath long version) {
        String ruleSet = names.require(tenant);
        return inTransaction(() -> {
            RuleStore.VersionInfo info = requireVersion(ruleSet, version);
            return new VersionRules(ruleSet, VersionView.of(info),
                    store.versionRules(version).stream().map(RuleView::of).toList());
        });
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions/{from}/diff/{to}")
    public RuleDiffView diff(@RestPath String tenant, @RestPath long from, @RestPath long to) {
        String ruleSet = names.require(tenant);
        return RuleDiffView.of(inTransaction(() -> {
            requireVersion(ruleSet, from);
            requireVersion(ruleSet, to);
            return RuleDiff.between(store.versionRules(from), store.versionRules(to));
        }));
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @Path("versions/{version}/rollback")
    public PublishResult rollback(@RestPath String tenant, @RestPath long version) {
        String ruleSet = names.require(tenant);
        RuleSetEditor.Published published = inTransaction(() -> editor.rollback(ruleSet, version, caller.name()));
        registry.refresh();
        return new PublishResult(ruleSet, published.version(), RuleDiffView.of(published.diff()));
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("audit")
    public List<AuditView> audit(@RestPath String tenant, @RestQuery @DefaultValue("100") int limit) {
        String ruleSet = names.require(tenant);
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("invalid-query-parameter",
                    "limit must be between 1 and " + MAX_PAGE_SIZE + ", got " + limit);
        }
        return inTransaction(() -> store.auditTrail(ruleSet, limit)).stream().map(AuditView::of).toList();
    }

    private RuleStore.VersionInfo requireVersion(String ruleSet, long version) {
        return store.version(ruleSet, version).orElseThrow(() -> ProblemException.notFound("unknown-version",
                "rule set '" + ruleSet + "' has no version " + version));
    }

    /** Every field's type and every unknown field reported at once; what the fields mean is {@link RuleRequest#toRule}'s. */
    private RuleRequest ruleRequest(JsonNode body) {
        if (body == null || body.isNull()) {
            throw ProblemException.badRequest("missing-body",
                    "request body is required: {\"intent\", \"kind\", \"keyword\", \"enabled\", \"note\"}");
        }
        return bodies.readOptional(body, RuleRequest.class, "a JSON object with intent, kind and keyword",
                "invalid-rule");
    }

    private void refreshIf(boolean published) {
        if (published) {
            registry.refresh();
        }
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
