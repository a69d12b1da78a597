package io.leadlistener.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final AdminCredential DEMO_EDITOR = new AdminCredential("demo-editor", Role.EDITOR, false, Set.of("demo", "lab"));
    private static final AdminCredential EVERY_TENANT_OPERATOR = new AdminCredential("ops", Role.OPERATOR, true, Set.of());
    private static final AdminCredential ADMIN = new AdminCredential("root", Role.ADMIN, true, Set.of());

    @Test
    void each_role_includes_the_ones_before_it_and_no_later_one() {
        assertThat(Role.OPERATOR.includes(Role.VIEWER)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.ADMIN)).isFalse();
        assertThat(Role.VIEWER.includes(Role.EDITOR)).isFalse();
        assertThat(Role.parse(" editor ")).contains(Role.EDITOR);
        assertThat(Role.parse("Editor")).isEmpty();
        assertThat(Role.IDS).isEqualTo("viewer|editor|operator|admin");
    }

    @Test
    void a_credential_acts_on_its_tenants_with_roles_up_to_its_own() {
        assertThat(AccessPolicy.refusal(DEMO_EDITOR, Role.EDITOR, "demo")).isEmpty();
        assertThat(AccessPolicy.refusal(DEMO_EDITOR, Role.VIEWER, "lab")).isEmpty();
        assertThat(AccessPolicy.refusal(DEMO_EDITOR, Role.VIEWER, null)).isEmpty();
    }

    @Test
    void another_tenant_is_refused_naming_the_tenant_and_the_credentials_tenants() {
        Optional<AccessPolicy.Refusal> refusal = AccessPolicy.refusal(DEMO_EDITOR, Role.VIEWER, "acme");
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.slug()).isEqualTo("tenant-not-permitted");
            assertThat(r.detail()).isEqualTo("credential 'demo-editor' may act on tenants demo,lab, not on 'acme'");
            assertThat(r.missing()).containsEntry("missingTenant", "acme");
        });
    }

    @Test
    void a_lower_role_is_refused_naming_the_role_missing_before_the_tenant_is_looked_at() {
        assertThat(AccessPolicy.refusal(DEMO_EDITOR, Role.OPERATOR, "acme")).hasValueSatisfying(r -> {
            assertThat(r.slug()).isEqualTo("role-insufficient");
            assertThat(r.detail()).isEqualTo("this route needs the operator role; credential 'demo-editor' has editor");
            assertThat(r.missing()).containsEntry("missingRole", "operator").containsEntry("credentialRole", "editor");
        });
    }

    @Test
    void every_tenant_means_every_tenant_but_not_the_default_rule_set_for_changes() {
        assertThat(AccessPolicy.refusal(EVERY_TENANT_OPERATOR, Role.OPERATOR, "any-tenant-at-all")).isEmpty();
        assertThat(AccessPolicy.refusal(EVERY_TENANT_OPERATOR, Role.EDITOR, "default")).hasValueSatisfying(r -> {
            assertThat(r.slug()).isEqualTo("role-insufficient");
            assertThat(r.missing()).containsEntry("missingRole", "admin");
        });
    }

    @Test
    void anyone_reads_the_default_rule_set_and_only_an_admin_changes_it() {
        AdminCredential viewer = new AdminCredential("v", Role.VIEWER, false, Set.of("demo"));
        assertThat(AccessPolicy.refusal(viewer, Role.VIEWER, "default")).isEmpty();
        assertThat(AccessPolicy.refusal(DEMO_EDITOR, Role.EDITOR, "default")).isPresent();
        assertThat(AccessPolicy.refusal(ADMIN, Role.EDITOR, "default")).isEmpty();
        assertThat(AccessPolicy.refusal(ADMIN, Role.OPERATOR, "whatever")).isEmpty();
    }
}
