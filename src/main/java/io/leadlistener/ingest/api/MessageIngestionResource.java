package io.leadlistener.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.errors.InvalidInputException.FieldError;
import io.leadlistener.inbox.Inbox;
import io.leadlistener.inbox.InboxAdmission;
import io.leadlistener.inbox.NewInboxMessage;
import io.leadlistener.ingest.IngestedMessage;
import io.leadlistener.ingest.IngestedMessages;
import io.leadlistener.rest.JsonBodies;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Messages from other chat sources (chat-archive pipelines, web chat, other IM): stored durably in the inbox, then
 * tagged and turned into lead events like WeCom's own. Answers only after the message is in PostgreSQL; a repeat
 * of the same (tenant, channel, messageId) stores nothing new.
 */
@IngestionApi
@Tag(name = "Ingestion")
@SecurityRequirement(name = AdminApiDocumentation.INGESTION_TOKEN)
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageIngestionResource {

    static final int MAX_BATCH = 500;

    private final Inbox inbox;
    private final IngestedMessages ingested;
    private final TenantDirectory tenants;
    private final IngestionCaller caller;
    private final Clock clock;
    private final JsonBodies bodies;

    public MessageIngestionResource(Inbox inbox, IngestedMessages ingested, TenantDirectory tenants,
                                    IngestionCaller caller, Clock clock, JsonBodies bodies) {
        this.bodies = bodies;
        this.inbox = inbox;
        this.ingested = ingested;
        this.tenants = tenants;
        this.caller = caller;
        this.clock = clock;
    }

    /** @param status {@code accepted} (stored now) or {@code duplicate} (stored before: nothing new) */
    public record Admission(String messageId, String status) {
    }

    /** A batch as documented; read item by item so each item's problems carry its index. */
    @Schema(name = "IngestionBatch", description = "1 to 500 messages, or the bare array of them")
    record Batch(@Schema(minItems = 1, maxItems = MAX_BATCH) List<IngestedMessageRequest> messages) {
    }

    public record BatchAdmission(int accepted, int duplicates, List<Admission> items) {
    }

    @POST
    @Operation(summary = "Ingest one message: 202 once it is stored, 200 if it was already")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IngestedMessageRequest.class), examples = @ExampleObject(
            name = "archived message", value = """
                    {"tenant": "demo", "contactId": "cust-001", "messageId": "arch-2026-000001",
                     "text": "能寄几个样品吗？", "sentAt": "2026-11-23T08:00:00Z", "ownerUserId": "zhangsan",
                     "channel": "archive"}""")))
    @APIResponse(responseCode = "202", description = "stored: {\"messageId\": ..., \"status\": \"accepted\"}")
    @APIResponse(responseCode = "200", description = "stored before: {\"status\": \"duplicate\"}, nothing new")
    @APIResponse(responseCode = "400", description = "bad JSON or fields: problem+json with errors[{field, detail}]")
    @APIResponse(responseCode = "401", description = "no or unknown ingestion token")
    @APIResponse(responseCode = "403", description = "the token may not send for this tenant")
    @APIResponse(responseCode = "404", description = "unknown tenant")
    public Response ingest(JsonNode body) {
        JsonBodies.Reading<IngestedMessageRequest> reading = read(body);
        if (!reading.valid()) {
            throw invalid(reading.errors().stream().map(error -> asMap(error, null)).toList());
        }
        IngestedMessage message = reading.value().toMessage(clock.instant());
        NewInboxMessage row = authorized(List.of(message)).get(0);
        InboxAdmission admission = inbox.store(row);
        return Response.status(admission == InboxAdmission.ACCEPTED ? 202 : 200)
                .entity(admission(message, admission)).build();
    }

    @POST
    @Path("batch")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Batch.class), examples = @ExampleObject(
            name = "two messages", value = """
                    {"messages": [
                      {"tenant": "demo", "contactId": "cust-001", "messageId": "m-1", "text": "报价多少？"},
                      {"tenant": "demo", "contactId": "cust-002", "messageId": "m-2", "text": "想做你们区域代理",
                       "channel": "webchat"}]}""")))
    @APIResponse(responseCode = "400", description = "any bad item refuses the batch: errors[{index, field, detail}]")
    @APIResponse(responseCode = "413", description = "more than 4 MiB")
    @Operation(summary = "Ingest up to 500 messages (4 MiB) all or nothing: every item is checked before any is stored")
    public Response ingestBatch(JsonNode body) {
        JsonNode items = body != null && body.isObject() ? body.get("messages") : body;
        if (items == null || !items.isArray()) {
            throw ProblemException.badRequest("invalid-message", "the body must be {\"messages\": [...]} (or a JSON "
                    + "array of messages)");
        }
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw ProblemException.badRequest("invalid-message", "a batch holds 1 to " + MAX_BATCH + " messages, not "
                    + items.size());
        }
        Instant receivedAt = clock.instant();
        List<IngestedMessage> messages = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            JsonBodies.Reading<IngestedMessageRequest> reading = read(items.get(index));
            messages.add(reading.valid() ? reading.value().toMessage(receivedAt) : null);
            for (FieldError error : reading.errors()) {
                errors.add(asMap(error, index));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        List<NewInboxMessage> rows = authorized(messages);
        List<InboxAdmission> admissions = inbox.storeAll(rows);
        List<Admission> results = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            results.add(admission(messages.get(i), admissions.get(i)));
        }
        int accepted = (int) admissions.stream().filter(a -> a == InboxAdmission.ACCEPTED).count();
        return Response.status(accepted > 0 ? 202 : 200)
                .entity(new BatchAdmission(accepted, messages.size() - accepted, results)).build();
    }

    /** Unknown tenants → 404, tenants the token may not send for → 403 (after the body is known to be valid). */
    private List<NewInboxMessage> authorized(List<IngestedMessage> messages) {
        TreeSet<String> unknown = new TreeSet<>();
        TreeSet<String> forbidden = new TreeSet<>();
        List<NewInboxMessage> rows = new ArrayList<>();
        for (IngestedMessage message : messages) {
            if (tenants.find(message.tenant()).isEmpty()) {
                unknown.add(message.tenant());
                continue;
            }
            caller.nameFor(message.tenant()).ifPresentOrElse(
                    sentBy -> rows.add(ingested.toInbox(message, sentBy)), () -> forbidden.add(message.tenant()));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.notFound("unknown-tenant", "no tenant " + quoted(unknown) + " is configured");
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(403, "forbidden-tenant", "Forbidden", "the ingestion token may not send "
                    + "messages for tenant " + quoted(forbidden));
        }
        return rows;
    }

    private static Admission admission(IngestedMessage message, InboxAdmission admission) {
        return new Admission(message.messageId(), admission == InboxAdmission.ACCEPTED ? "accepted" : "duplicate");
    }

    private static String quoted(TreeSet<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private JsonBodies.Reading<IngestedMessageRequest> read(JsonNode message) {
        return bodies.read(message, IngestedMessageRequest.class,
                "a JSON object with tenant, contactId, messageId and text", "is not a field of a message");
    }

    private static Map<String, Object> asMap(FieldError error, Integer index) {
        return index == null ? Map.of("field", error.field(), "detail", error.detail())
                : Map.of("index", index, "field", error.field(), "detail", error.detail());
    }

    private static ProblemException invalid(List<Map<String, Object>> errors) {
        String detail = errors.stream().map(error -> (error.containsKey("index") ? "[" + error.get("index") + "] " : "")
                + error.get("field") + ": " + error.get("detail")).limit(20).collect(Collectors.joining("; "));
        if (errors.size() > 20) {
            detail += "; … " + (errors.size() - 20) + " more in errors";
        }
        return new ProblemException(400, "invalid-message", "Bad request", detail, Map.of("errors", errors));
    }
}
