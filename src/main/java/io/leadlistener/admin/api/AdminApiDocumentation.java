package io.leadlistener.admin.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI metadata: how admin and ingestion endpoints authenticate. Served at {@code /q/openapi}. */
@OpenAPIDefinition(info = @Info(title = "wecom-lead-listener API", version = "1"))
@SecurityScheme(securitySchemeName = AdminApiDocumentation.ADMIN_TOKEN, type = SecuritySchemeType.HTTP,
        scheme = "bearer", description = "An admin credential's bearer token: leadlistener.admin.credentials.\"<name>\".token "
        + "(dev mode: dev-admin-token). Reads need the viewer role on the {tenant} of the path, changes editor, "
        + "replays and erasure operator, changes to the shared default rule set admin; a refusal is 403 naming missingRole or "
        + "missingTenant, 10 failed sign-ins a minute from one address give 429 (docs/access.md). The credential's "
        + "name is what audit rows record.")
@SecurityScheme(securitySchemeName = AdminApiDocumentation.INGESTION_TOKEN, type = SecuritySchemeType.HTTP,
        scheme = "bearer", description = "Ingestion bearer token of the message's tenant: "
        + "leadlistener.tenants.\"<id>\".ingestion-tokens.\"<name>\" (dev mode: dev-admin-token for demo).")
public class AdminApiDocumentation extends Application {

    public static final String ADMIN_TOKEN = "adminToken";
    public static final String INGESTION_TOKEN = "ingestionToken";
}
