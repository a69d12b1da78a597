package io.leadlistener.admin;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI metadata: how admin endpoints authenticate. Served at {@code /q/openapi}. */
@OpenAPIDefinition(info = @Info(title = "wecom-lead-listener API", version = "1"))
@SecurityScheme(securitySchemeName = AdminApiDocumentation.ADMIN_TOKEN, type = SecuritySchemeType.HTTP,
        scheme = "bearer", description = "Admin bearer token: leadlistener.admin.tokens.\"<name>\" "
        + "(dev mode: dev-admin-token). The token's name is what audit rows record.")
public class AdminApiDocumentation extends Application {

    public static final String ADMIN_TOKEN = "adminToken";
}
