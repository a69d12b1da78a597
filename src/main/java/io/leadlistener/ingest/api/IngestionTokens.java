package io.leadlistener.ingest.api;

import io.leadlistener.admin.NamedTokens;
import io.leadlistener.tenant.TenantsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** The ingestion tokens of every tenant ({@code leadlistener.tenants."<id>".ingestion-tokens."<name>"}). */
@ApplicationScoped
public class IngestionTokens {

    private static final Logger LOG = Logger.getLogger(IngestionTokens.class);

    private final Map<String, NamedTokens> tokensByTenant;

    public IngestionTokens(TenantsConfig config) {
        Map<String, NamedTokens> byTenant = new TreeMap<>();
        config.tenants().forEach((tenant, tenantConfig) -> {
            if (!tenantConfig.ingestionTokens().isEmpty()) {
                byTenant.put(tenant, new NamedTokens(tenantConfig.ingestionTokens()));
            }
        });
        this.tokensByTenant = Map.copyOf(byTenant);
        tokensByTenant.forEach((tenant, tokens) ->
                LOG.infof("Ingestion API accepts for tenant %s the tokens named %s", tenant, tokens.names()));
    }

    /** @return tenant → the name the presented token has there, for every tenant it is configured for */
    public Map<String, String> tenantsOf(String presentedToken) {
        Map<String, String> names = new TreeMap<>();
        tokensByTenant.forEach((tenant, tokens) -> tokens.nameOf(presentedToken)
                .ifPresent(name -> names.put(tenant, name)));
        return names;
    }
}
