package io.leadlistener.callback;

import io.leadlistener.errors.NotFoundException;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import io.leadlistener.wecom.crypto.CallbackSecret;
import io.leadlistener.wecom.crypto.CallbackVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Finds the tenant and callback a request addresses, with a verifier built once per callback URL. */
@ApplicationScoped
public class CallbackVerifiers {

    /** The name under which the tenant's own ("接收消息") callback is stored. */
    static final String APP_CALLBACK = "";

    private final Map<String, TenantCallback> byTenantAndName = new HashMap<>();

    public CallbackVerifiers(TenantDirectory tenants, CallbackConfig config, Clock clock) {
        for (Tenant tenant : tenants.all()) {
            register(tenant, APP_CALLBACK, tenant.appCallback(), config, clock);
            tenant.namedCallbacks().forEach((name, secret) -> register(tenant, name, secret, config, clock));
        }
    }

    TenantCallback resolve(String tenantId, String callbackName) {
        TenantCallback callback = byTenantAndName.get(key(tenantId, callbackName));
        if (callback != null) {
            return callback;
        }
        if (!byTenantAndName.containsKey(key(tenantId, APP_CALLBACK))) {
            throw new NotFoundException("unknown-tenant", "no tenant '" + tenantId + "' is configured");
        }
        throw new NotFoundException("unknown-callback",
                "tenant '" + tenantId + "' has no callback named '" + callbackName + "'");
    }

    private void register(Tenant tenant, String name, CallbackSecret secret, CallbackConfig config, Clock clock) {
        CallbackVerifier verifier = new CallbackVerifier(tenant.acceptedSecrets(name, secret), tenant.corpId(),
                config.replayWindow(), clock);
        byTenantAndName.put(key(tenant.id(), name), new TenantCallback(tenant, name, verifier));
    }

    private static String key(String tenantId, String callbackName) {
        return tenantId + '\u0000' + callbackName;
    }
}
