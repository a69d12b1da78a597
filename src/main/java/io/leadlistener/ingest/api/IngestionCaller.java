package io.leadlistener.ingest.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;

/** Who is calling the ingestion API in this request: per tenant it may send for, the token's name there. */
@RequestScoped
public class IngestionCaller {

    private Map<String, String> tokenNameByTenant = Map.of();

    /** @return the token's name for that tenant, or empty if it may not send messages for it */
    public Optional<String> nameFor(String tenant) {
        return Optional.ofNullable(tokenNameByTenant.get(tenant));
    }

    void authenticatedFor(Map<String, String> tokenNameByTenant) {
        this.tokenNameByTenant = Map.copyOf(tokenNameByTenant);
    }
}
