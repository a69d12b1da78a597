package io.leadlistener.intent.api;

import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.intent.TaggingView;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.engine.RuleSet;
import io.leadlistener.intent.rules.RuleSetEditor;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.TaggerRegistry;
import io.leadlistener.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "What would the listener hear in this line?" — tags a text with a rule set in force (or a tenant's unpublished
 * draft) and explains every match and every suppressed match. Nothing is stored.
 */
@AdminApi
@Tag(name = "Intent rules")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/intents/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DryRunResource {

    /** Longest text accepted, in Unicode code points (a chat message, not a document). */
    public static final int MAX_TEXT_LENGTH = 4000;

    private final TaggerRegistry registry;
    private final RuleSetNames names;
    private final RuleSetEditor editor;
    private final AdminCaller caller;

    public DryRunResource(TaggerRegistry registry, RuleSetNames names, RuleSetEditor editor, AdminCaller caller) {
        this.caller = caller;
        this.registry = registry;
        this.names = names;
        this.editor = editor;
    }

    public record DryRunRequest(String text, String tenant, Boolean draft) {
    }

    @RequiredRole(Role.VIEWER)
    @POST
    @Operation(summary = "Dry run: which intents would this text get, and why (nothing is stored)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "negated sample, quote kept",
            value = "{\"text\": \"样品就不用了，麻烦先报个价\", \"tenant\": \"demo\", \"draft\": false}")))
    public TaggingView test(DryRunRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "request body is required: {\"text\": \"...\"}");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw ProblemException.badRequest("invalid-text", "text is required and must not be blank");
        }
        int length = request.text().codePointCount(0, request.text().length());
        if (length > MAX_TEXT_LENGTH) {
            throw ProblemException.badRequest("invalid-text",
                    "text is " + length + " characters; the limit is " + MAX_TEXT_LENGTH);
        }
        String requested = request.tenant() == null || request.tenant().isBlank()
                ? RuleSetNames.DEFAULT : request.tenant().strip();
        // The tenant is in the body, so the filter cannot check it: a credential tests only its own tenants' rules.
        caller.requireAccess(Role.VIEWER, requested);
        String ruleSet = names.require(requested);
        IntentTagger inForce = registry.tagger(ruleSet);
        if (Boolean.TRUE.equals(request.draft())) {
            // The draft is compiled for this one call; it reports the version it would build on.
            var rules = QuarkusTransaction.requiringNew().call(() -> editor.effectiveDraftRules(ruleSet));
            try {
                return TaggingView.of(new IntentTagger(RuleSet.compile(inForce.ruleSetVersion(), rules))
                        .tag(request.text()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-rule-set", "the draft cannot be compiled: " + e.getMessage());
            }
        }
        return TaggingView.of(inForce.tag(request.text()));
    }
}
