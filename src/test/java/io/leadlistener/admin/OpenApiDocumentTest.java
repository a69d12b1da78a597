package io.leadlistener.admin;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class OpenApiDocumentTest {

    @Test
    void documentsCallbackAdminAndDryRunEndpointsWithTheBearerScheme() {
        management().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/wecom/callback/{tenant}"))
                .body("paths", hasKey("/wecom/callback/{tenant}/{callback}"))
                .body("paths", hasKey("/api/v1/intents/test"))
                .body("paths", hasKey("/api/v1/tenants/{tenant}/intent-rules"))
                .body("paths", hasKey("/api/v1/tenants/{tenant}/intent-rules/versions/{version}/rollback"))
                .body("paths", hasKey("/api/v1/tenants/{tenant}/inbox/parked"))
                .body("components.securitySchemes.adminToken.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/intents/test'.post.security", notNullValue())
                .body("paths", hasKey("/api/v1/messages"))
                .body("paths", hasKey("/api/v1/messages/batch"))
                .body("paths", hasKey("/api/v1/tenants/{tenant}/routing"))
                .body("components.securitySchemes.ingestionToken.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/messages'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/tenants/{tenant}/routing'.put.requestBody.content.'application/json'.examples",
                        notNullValue());
    }

    @Test
    void everyJsonRequestBodyHasASchema() {
        management().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/messages'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/IngestedMessage"))
                .body("components.schemas.IngestedMessage.properties", hasKey("contactKind"))
                .body("components.schemas.IngestedMessage.properties.text.maxLength", equalTo(4000))
                .body("paths.'/api/v1/messages/batch'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/IngestionBatch"))
                .body("paths.'/api/v1/tenants/{tenant}/intent-rules/draft/impact'.post.requestBody.content"
                        + ".'application/json'.schema.'$ref'", equalTo("#/components/schemas/ImpactRequest"))
                .body("paths.'/api/v1/tenants/{tenant}/retag-jobs'.post.requestBody.content"
                        + ".'application/json'.schema.'$ref'", equalTo("#/components/schemas/RetagRequest"))
                .body("paths.'/api/v1/tenants/{tenant}/intent-rules'.post.requestBody.content"
                        + ".'application/json'.schema.'$ref'", equalTo("#/components/schemas/RuleRequest"))
                .body("paths.'/api/v1/tenants/{tenant}/routing'.put.requestBody.content"
                        + ".'application/json'.schema.'$ref'", notNullValue());
    }
}
