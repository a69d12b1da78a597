package io.leadlistener.privacy;

import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/** A customer asks to be forgotten: every stored text and profile field of one contact goes (docs/privacy.md). */
@AdminApi
@Tag(name = "Personal data")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/contacts/{contactId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
public class ContactErasureResource {

    private static final Logger LOG = Logger.getLogger(ContactErasureResource.class);

    private final TenantDirectory tenants;
    private final ContactErasure erasure;
    private final AdminCaller caller;

    public ContactErasureResource(TenantDirectory tenants, ContactErasure erasure, AdminCaller caller) {
        this.tenants = tenants;
        this.erasure = erasure;
        this.caller = caller;
    }

    @RequiredRole(Role.OPERATOR)
    @POST
    @Operation(summary = "Erase a contact's personal data: message text, tagging spans, event text and profile "
            + "fields, alert words, the lead's profile",
            description = "Keeps every row, id, count and timing; publishes nothing (no event, no alert); finishes the "
                    + "contact's unprocessed inbox rows and unsent WeCom actions. Idempotent: a second call clears "
                    + "nothing and says so. Audited (personal_data_erasure) with the credential's name.")
    @APIResponse(responseCode = "200", description = "what was cleared, per table: rows of the contact, rows cleared "
            + "now, rows stopped (inbox rows not yet processed, actions not yet sent)")
    @APIResponse(responseCode = "400", description = "contactId is not external:…, user:… or api:<channel>:…")
    @APIResponse(responseCode = "404", description = "unknown tenant")
    public ContactErasure.Report erase(@RestPath String tenant,
                                       @Parameter(description = "the contact as lead events and inbox rows name it, "
                                               + "URL-encoded: external%3AwmXXXX, user%3Azhangsan, "
                                               + "api%3Aarchive%3Ac-1001")
                                       @RestPath String contactId) {
        tenants.require(tenant);
        ErasedContact contact = ErasedContact.parse(contactId);
        ContactErasure.Report report = QuarkusTransaction.requiringNew()
                .call(() -> erasure.erase(tenant, contact, caller.name()));
        LOG.infof("Admin %s erased the personal data of contact %s tenant=%s erasure=%d: inbox %d of %d row(s) "
                        + "(%d unprocessed finished), outbox %d of %d event(s), actions %d of %d (%d unsent finished), "
                        + "leads %d of %d profile(s)", caller.name(), ContactMask.of(contact.contactKey()), tenant,
                report.erasureId(), report.inbox().cleared(), report.inbox().rows(), report.inbox().stopped(),
                report.outbox().cleared(), report.outbox().rows(), report.actions().cleared(),
                report.actions().rows(), report.actions().stopped(), report.leads().cleared(), report.leads().rows());
        return report;
    }
}
