package io.leadlistener.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** "Why was this tagged, or not?" — a stored message with its tags and the explanation the worker recorded. */
@AdminApi
@Tag(name = "Inbox operations")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/messages/{messageId}")
@Produces(MediaType.APPLICATION_JSON)
public class MessageLookupResource {

    private final TenantDirectory tenants;
    private final MessageSources sources;
    private final TransactionJdbc jdbc;

    public MessageLookupResource(TenantDirectory tenants, MessageSources sources, TransactionJdbc jdbc) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.sources = sources;
    }

    /**
     * @param text       the message text while retention still holds it, else absent
     * @param tagging    intents, matches, suppressed matches and rule set version, as the dry run shows them
     * @param customerName the customer's name from WeCom's profile of their lead, when it was read
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredMessage(String messageId, long inboxId, String tenant, String callback, String msgType,
                                String from, String contactKey, Instant receivedAt, String status, int attempts,
                                Instant processedAt, String lastError, List<String> intents, Long ruleSetVersion,
                                @JsonRawValue String tagging, String text, boolean textPurged, String customerName) {
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Operation(summary = "A stored message by WeCom MsgId (or inbox id), with its tags and their explanation")
    public StoredMessage lookup(@RestPath String tenant, @RestPath String messageId) {
        tenants.require(tenant);
        InboxMessage row = QuarkusTransaction.requiringNew().call(() -> find(tenant, messageId));
        if (row == null) {
            throw ProblemException.notFound("unknown-message",
                    "tenant '" + tenant + "' has no stored message '" + messageId + "'");
        }
        String customerName = row.contactKey == null ? null
                : QuarkusTransaction.requiringNew().call(() -> customerName(tenant, row.contactKey));
        String text = row.payload == null ? null : sources.textOf(row.source, row.payload);
        return new StoredMessage(row.msgId == null ? "inbox-" + row.id : row.msgId, row.id, row.tenantId,
                row.callbackName.isEmpty() ? "app" : row.callbackName, row.msgType, row.fromUser, row.contactKey,
                row.receivedAt, row.status, row.attempts, row.processedAt, row.lastError, row.intents == null
                ? null : List.of(row.intents), row.ruleSetVersion, row.tagging, text, row.payload == null,
                customerName);
    }

    /** The name in WeCom's profile of the contact's lead ({@code contactKey} is {@code <kind>:<id>}), if read. */
    private String customerName(String tenant, String contactKey) {
        int colon = contactKey.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return jdbc.query("select profile ->> 'name' from lead where tenant_id = ? and contact_kind = ?"
                + " and contact_id = ?", statement -> {
                    statement.setString(1, tenant);
                    statement.setString(2, contactKey.substring(0, colon));
                    statement.setString(3, contactKey.substring(colon + 1));
                }, result -> result.getString(1)).stream().filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static InboxMessage find(String tenant, String messageId) {
        InboxMessage byMsgId = InboxMessage.find("tenantId = ?1 and msgId = ?2", tenant, messageId).firstResult();
        if (byMsgId != null || !messageId.startsWith("inbox-")) {
            return byMsgId;
        }
        try {
            InboxMessage byId = InboxMessage.findById(Long.parseLong(messageId.substring("inbox-".length())));
            return byId != null && byId.tenantId.equals(tenant) ? byId : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
