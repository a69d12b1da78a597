package io.leadlistener.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.admin.ConsoleConfig;
import io.leadlistener.admin.Role;
import io.leadlistener.admin.api.AdminApi;
import io.leadlistener.admin.api.AdminApiDocumentation;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.admin.api.RequiredRole;
import io.leadlistener.rest.JsonBodies;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
 * A tenant's settings of what the service does in WeCom — alerts on or off, the per-customer folding window, the
 * per-member throttle, new-contact alerts, the message format, customer tags (group, names) — changed without a
 * redeploy. Every change is a new version (who, when, what changed); the
 * next tagged message on any replica uses it.
 */
@AdminApi
@Tag(name = "Alerts in WeCom")
@SecurityRequirement(name = AdminApiDocumentation.ADMIN_TOKEN)
@Path("/api/v1/tenants/{tenant}/alert-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertSettingsResource {

    /**
     * Fields left out keep the value in force, so a client that knows only some settings cannot reset the others.
     *
     * @param baseVersion optional: the version the edit was based on; if another is in force by now, 409
     */
    @Schema(name = "AlertSettingsRequest")
    @JsonIgnoreProperties({"tenant", "version", "origin", "publishedAt", "publishedBy", "rolledBackTo", "changes",
            "consoleLink"})
    public record AlertSettingsRequest(Boolean enabled,
                                       @Min(0) @Max(AlertSettings.MAX_FOLD_MINUTES) Integer foldMinutes,
                                       @Min(1) @Max(AlertSettings.MAX_PER_MEMBER_PER_MINUTE)
                                       Integer perMemberPerMinute,
                                       Boolean newContactAlerts,
                                       @Pattern(regexp = "auto|markdown|textcard",
                                               message = "must be auto, markdown or textcard") String format,
                                       Boolean customerTags,
                                       @Size(min = 1, max = AlertSettings.MAX_TAG_NAME) String tagGroup,
                                       Map<String, String> tagNames,
                                       @Pattern(regexp = ActionsConfig.HH_MM + "|",
                                               message = "must be a time like 22:00, or \"\" for none")
                                       String quietFrom,
                                       @Pattern(regexp = ActionsConfig.HH_MM + "|",
                                               message = "must be a time like 08:00, or \"\" for none")
                                       String quietTo,
                                       String timeZone,
                                       @Size(max = 500) String note, Long baseVersion) {
    }

    @Schema(name = "AlertSettingsRollbackRequest")
    public record RollbackRequest(Long version, String note) {
    }

    /** @param consoleLink whether alerts can link to the message look-up (leadlistener.console.public-url is set) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertSettingsView(String tenant, long version, boolean enabled, int foldMinutes,
                                    int perMemberPerMinute, boolean newContactAlerts, String format,
                                    boolean consoleLink, boolean customerTags, String tagGroup,
                                    Map<String, String> tagNames, String quietFrom, String quietTo,
                                    String timeZone, String origin, Instant publishedAt, String publishedBy,
                                    Long rolledBackTo, String note, @JsonRawValue String changes) {
    }

    private static final java.util.regex.Pattern INTENT = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final AlertSettingsStore store;
    private final TenantDirectory tenants;
    private final AdminCaller caller;
    private final JsonBodies bodies;
    private final boolean consoleLink;

    public AlertSettingsResource(AlertSettingsStore store, TenantDirectory tenants, AdminCaller caller,
                                 JsonBodies bodies, ConsoleConfig console) {
        this.store = store;
        this.tenants = tenants;
        this.caller = caller;
        this.bodies = bodies;
        this.consoleLink = console.publicUrl().isPresent();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Operation(summary = "The alert settings in force (version 0 = the configured defaults)")
    public AlertSettingsView current(@RestPath String tenant) {
        tenants.require(tenant);
        return view(QuarkusTransaction.requiringNew().call(() -> store.current(tenant)));
    }

    @RequiredRole(Role.EDITOR)
    @PUT
    @Operation(summary = "Change alert settings: published at once as a new version; left-out fields keep their value")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AlertSettingsRequest.class), examples = @ExampleObject(
            name = "fewer alerts", value = """
                    {"foldMinutes": 30, "newContactAlerts": true, "note": "one alert per half hour", "baseVersion": 2}
                    """)))
    public AlertSettingsView replace(@RestPath String tenant, JsonNode body) {
        tenants.require(tenant);
        if (body == null || body.isNull()) {
            throw ProblemException.badRequest("invalid-alert-settings", "a JSON object with the settings to change"
                    + " is required");
        }
        JsonBodies.Reading<AlertSettingsRequest> reading = bodies.read(body, AlertSettingsRequest.class,
                "a JSON object of alert settings");
        if (!reading.valid()) {
            throw invalid(reading.errors().stream().map(error -> Map.of("field", error.field(), "detail",
                    error.detail())).toList());
        }
        AlertSettingsRequest request = reading.value();
        List<Map<String, String>> problems = new java.util.ArrayList<>();
        if ("textcard".equals(request.format()) && !consoleLink) {
            problems.add(Map.of("field", "format", "detail", "textcard needs a link: set "
                    + "leadlistener.console.public-url, or use markdown or auto"));
        }
        if (request.tagNames() != null) {
            request.tagNames().forEach((intent, name) -> {
                if (!INTENT.matcher(intent).matches()) {
                    problems.add(Map.of("field", "tagNames." + intent, "detail", "'" + intent
                            + "' is not an intent name"));
                } else if (name.isBlank() || name.length() > AlertSettings.MAX_TAG_NAME) {
                    problems.add(Map.of("field", "tagNames." + intent, "detail", "a tag name of 1 to "
                            + AlertSettings.MAX_TAG_NAME + " characters"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return view(QuarkusTransaction.requiringNew().call(() -> {
            AlertSettings inForce = store.current(tenant);
            AlertSettings wanted = new AlertSettings(tenant, inForce.version(),
                    orElse(request.enabled(), inForce.enabled()),
                    orElse(request.foldMinutes(), inForce.foldMinutes()),
                    orElse(request.perMemberPerMinute(), inForce.perMemberPerMinute()),
                    orElse(request.newContactAlerts(), inForce.newContactAlerts()),
                    orElse(request.format(), inForce.format()),
                    orElse(request.customerTags(), inForce.customerTags()),
                    orElse(request.tagGroup(), inForce.tagGroup()),
                    orElse(request.tagNames(), inForce.tagNames()),
                    blankIsNone(orElse(request.quietFrom(), inForce.quietFrom())),
                    blankIsNone(orElse(request.quietTo(), inForce.quietTo())),
                    orElse(request.timeZone(), inForce.timeZone()), null, null, "edit", null, null, null);
            try {
                wanted.quietHours();
            } catch (IllegalArgumentException e) {
                throw invalid(List.of(Map.of("field", "quietFrom", "detail", e.getMessage())));
            }
            return publish(wanted, "edit", null, request.note(), request.baseVersion());
        }));
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions")
    @Operation(summary = "Every version, newest first; the last is version 0, the configured defaults")
    public List<AlertSettingsView> versions(@RestPath String tenant) {
        tenants.require(tenant);
        return QuarkusTransaction.requiringNew().call(() -> store.versions(tenant)).stream().map(this::view)
                .toList();
    }

    @RequiredRole(Role.VIEWER)
    @GET
    @Path("versions/{version}")
    @Operation(summary = "One version")
    public AlertSettingsView version(@RestPath String tenant, @RestPath long version) {
        tenants.require(tenant);
        return view(QuarkusTransaction.requiringNew().call(() -> store.version(tenant, version))
                .orElseThrow(() -> noSuchVersion(tenant, version)));
    }

    @RequiredRole(Role.EDITOR)
    @POST
    @Path("rollback")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RollbackRequest.class)))
    @Operation(summary = "Put an earlier version's settings back in force, as a new version")
    public AlertSettingsView rollback(@RestPath String tenant, JsonNode body) {
        tenants.require(tenant);
        RollbackRequest request = bodies.readOptional(body, RollbackRequest.class,
                "a JSON object with the fields version, note", "invalid-rollback");
        if (request.version() == null || request.version() < 0) {
            throw ProblemException.badRequest("invalid-rollback", "version is required: the version (≥ 0) whose "
                    + "settings to restore");
        }
        if (request.note() != null && request.note().length() > 500) {
            throw ProblemException.badRequest("invalid-rollback", "note must be at most 500 characters");
        }
        return view(QuarkusTransaction.requiringNew().call(() -> {
            AlertSettings target = store.version(tenant, request.version())
                    .orElseThrow(() -> noSuchVersion(tenant, request.version()));
            if ("textcard".equals(target.format()) && !consoleLink) {
                throw invalid(List.of(Map.of("field", "version", "detail", "version " + target.version()
                        + " sends textcards, which need leadlistener.console.public-url")));
            }
            return publish(target, "rollback", target.version(), request.note(), null);
        }));
    }

    private AlertSettings publish(AlertSettings wanted, String origin, Long rolledBackTo, String note,
                                  Long baseVersion) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        return store.publish(wanted, caller.name(), origin, rolledBackTo, cleanNote, baseVersion);
    }

    private static String blankIsNone(String time) {
        return time == null || time.isBlank() ? null : time;
    }

    private static <T> T orElse(T requested, T inForce) {
        return requested != null ? requested : inForce;
    }

    private AlertSettingsView view(AlertSettings settings) {
        return new AlertSettingsView(settings.tenant(), settings.version(), settings.enabled(),
                settings.foldMinutes(), settings.perMemberPerMinute(), settings.newContactAlerts(), settings.format(),
                consoleLink, settings.customerTags(), settings.tagGroup(), settings.tagNames(), settings.quietFrom(),
                settings.quietTo(), settings.timeZone(), settings.origin(), settings.publishedAt(),
                settings.publishedBy(),
                settings.rolledBackTo(), settings.note(), settings.changesJson());
    }

    private static ProblemException noSuchVersion(String tenant, long version) {
        return ProblemException.notFound("unknown-alert-settings-version", "tenant '" + tenant
                + "' has no alert settings version " + version);
    }

    private static ProblemException invalid(List<Map<String, String>> errors) {
        String detail = errors.stream().map(error -> error.get("field") + ": " + error.get("detail"))
                .collect(Collectors.joining("; "));
        return new ProblemException(400, "invalid-alert-settings", "Bad request", detail, Map.of("errors", errors));
    }
}
