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

    @Test
    void theLeadsApiDocumentsItsAnswersAndParameters() {
        String leads = "paths.'/api/v1/tenants/{tenant}/leads'.get";
        String lead = "paths.'/api/v1/tenants/{tenant}/leads/{leadId}'.get";
        String stats = "paths.'/api/v1/tenants/{tenant}/stats'.get";
        management().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(leads + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/LeadPage"))
                .body(leads + ".parameters.name", org.hamcrest.Matchers.hasItems("intent", "pool", "owner",
                        "channel", "createdFrom", "createdTo", "seenFrom", "seenTo", "q", "limit", "cursor"))
                .body(lead + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/LeadDetail"))
                .body(lead + ".responses", hasKey("404"))
                .body(stats + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/LeadStats"))
                .body(stats + ".parameters.findAll { it.required }.name",
                        org.hamcrest.Matchers.containsInAnyOrder("tenant", "from", "to"))
                .body("components.schemas.Lead.properties", hasKey("lastTagged"))
                .body("components.schemas.LeadContact.properties", hasKey("key"))
                .body("components.schemas.LeadTimelineEntry.properties.matches.type", equalTo("array"))
                .body("components.schemas.LeadTimelineEntry.properties.matches.items.'$ref'",
                        equalTo("#/components/schemas/MatchView"))
                .body("components.schemas.LeadStatsBucket.properties", hasKey("captureLatencyMs"));
    }
}
