package io.leadlistener.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleSignOnClaimsTest {

    private static final ConsoleConfig.SingleSignOn DEFAULT_NAMES = names("preferred_username", "leadlistener_role",
            "leadlistener_tenants");

    @Test
    void theHighestRoleOfAListAndTheTenantsOfAListOrAStringMakeTheCredential() {
        AdminCredential credential = credential(Map.of("preferred_username", "lihua",
                "leadlistener_role", List.of("viewer", "operator", "editor"), "leadlistener_tenants", "demo, lab acme"));
        assertThat(credential.name()).isEqualTo("sso:lihua");
        assertThat(credential.role()).isEqualTo(Role.OPERATOR);
        assertThat(credential.tenants()).containsExactlyInAnyOrder("demo", "lab", "acme");
        assertThat(credential.everyTenant()).isFalse();
    }

    @Test
    void jsonStringsKeepNoQuotesAndAStarMeansEveryTenant() {
        AdminCredential credential = credential(Map.of("preferred_username", "\"wang\"", "leadlistener_role", "\"viewer\"",
                "leadlistener_tenants", List.of("\"*\"")));
        assertThat(credential.name()).isEqualTo("sso:wang");
        assertThat(credential.everyTenant()).isTrue();
    }

    @Test
    void anAdminNeedsNoTenantsAndClaimNamesAreConfigurable() {
        AdminCredential credential = SingleSignOnClaims.credential(names("email", "groups", "orgs"),
                Map.<String, Object>of("email", "ops@example.com", "groups", List.of("staff", "admin"))::get)
                .credential().orElseThrow();
        assertThat(credential.name()).isEqualTo("sso:ops@example.com");
        assertThat(credential.role()).isEqualTo(Role.ADMIN);
        assertThat(credential.mayActOn("anything")).isTrue();
    }

    @Test
    void eachMissingClaimIsNamed() {
        assertThat(refusal(Map.of("leadlistener_role", "viewer", "leadlistener_tenants", "demo")))
                .isEqualTo("the ID token has no 'preferred_username' claim to name you by");
        assertThat(refusal(Map.of("preferred_username", "x", "leadlistener_role", List.of("staff"))))
                .startsWith("the ID token's 'leadlistener_role' claim names no role of this console");
        assertThat(refusal(Map.of("preferred_username", "x", "leadlistener_role", "editor")))
                .startsWith("the ID token's 'leadlistener_tenants' claim names no tenant");
    }

    private static AdminCredential credential(Map<String, Object> claims) {
        return SingleSignOnClaims.credential(DEFAULT_NAMES, claims::get).credential().orElseThrow();
    }

    private static String refusal(Map<String, Object> claims) {
        SingleSignOnClaims.Outcome outcome = SingleSignOnClaims.credential(DEFAULT_NAMES, claims::get);
        assertThat(outcome.credential()).isEmpty();
        return outcome.refusal();
    }

    private static ConsoleConfig.SingleSignOn names(String name, String role, String tenants) {
        return new Names(name, role, tenants);
    }

    /** A record, not an anonymous class: Quarkus' build scans test classes, and rejects anonymous validated ones. */
    private record Names(String nameClaim, String roleClaim, String tenantsClaim) implements ConsoleConfig.SingleSignOn {
    }
}
