package io.leadlistener.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionTokenPolicyTest {

    private static final String STRONG = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_STRONG = "fedcba9876543210fedcba9876543210";

    @Test
    void long_distinct_tokens_pass() {
        assertThat(ProductionTokenPolicy.violations(Map.of("admin-key", STRONG), Map.of("ingest-key", OTHER_STRONG)))
                .isEmpty();
    }

    @Test
    void a_short_admin_or_ingestion_token_is_named_by_its_key_and_never_quoted() {
        assertThat(ProductionTokenPolicy.violations(Map.of("leadlistener.admin.credentials.\"ops\".token", "short-admin-token"),
                Map.of("leadlistener.tenants.\"acme\".ingestion-tokens.\"crm\"", STRONG.substring(1))))
                .containsExactly(
                        "leadlistener.admin.credentials.\"ops\".token is 17 characters; outside dev and test a token "
                                + "needs at least 32 (e.g. openssl rand -hex 32)",
                        "leadlistener.tenants.\"acme\".ingestion-tokens.\"crm\" is 31 characters; outside dev and test a "
                                + "token needs at least 32 (e.g. openssl rand -hex 32)")
                .noneMatch(violation -> violation.contains("short-admin-token"));
    }

    @Test
    void one_value_may_not_be_both_an_admin_and_an_ingestion_token() {
        assertThat(ProductionTokenPolicy.violations(Map.of("admin-key", STRONG), Map.of("ingest-key", STRONG)))
                .containsExactly("admin-key and ingest-key have the same value; an admin token may not also be an "
                        + "ingestion token");
    }
}
