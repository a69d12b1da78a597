package io.leadlistener.tenant;

import io.leadlistener.errors.NotFoundException;
import io.leadlistener.wecom.crypto.AcceptedSecret;
import io.leadlistener.wecom.crypto.CallbackSecret;
import io.leadlistener.wecom.crypto.EncodingAesKey;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** The configured tenants, built once from {@link TenantsConfig} (which has already been validated at start-up). */
@ApplicationScoped
public class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final Map<String, Tenant> tenants;

    public TenantDirectory(TenantsConfig config) {
        Map<String, Tenant> byId = new TreeMap<>();
        config.tenants().forEach((id, tenant) -> byId.put(id, toTenant(id, tenant)));
        this.tenants = Map.copyOf(byId);
        if (tenants.isEmpty()) {
            LOG.warn("No tenants configured (leadlistener.tenants.\"<id>\".*): every callback will be answered 404");
        } else {
            LOG.infof("Serving WeCom callbacks for tenants %s", tenants.values());
        }
    }

    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    /** The tenant, or a 404 problem naming the id: for every endpoint that addresses a tenant. */
    public Tenant require(String tenantId) {
        return find(tenantId).orElseThrow(() ->
                new NotFoundException("unknown-tenant", "no tenant '" + tenantId + "' is configured"));
    }

    public Collection<Tenant> all() {
        return tenants.values();
    }

    private static Tenant toTenant(String id, TenantsConfig.TenantConfig config) {
        Map<String, CallbackSecret> named = new LinkedHashMap<>();
        Map<String, AcceptedSecret> previous = new LinkedHashMap<>();
        config.previous().ifPresent(old -> previous.put("", previous(old)));
        config.callbacks().forEach((name, callback) -> {
            named.put(name, new CallbackSecret(callback.token(), EncodingAesKey.parse(callback.encodingAesKey())));
            callback.previous().ifPresent(old -> previous.put(name, previous(old)));
        });
        return new Tenant(id, config.corpId(), config.agentId(),
                new CallbackSecret(config.token(), EncodingAesKey.parse(config.encodingAesKey())), named,
                config.includeMessageText(), previous, apiBaseUrl(id, config.apiBaseUrl()),
                config.kfSecret().filter(secret -> !secret.isBlank()), config.appSecret(), config.contactSecret(),
                robotKeys(config));
    }

    private static Map<String, String> robotKeys(TenantsConfig.TenantConfig config) {
        Map<String, String> keys = new LinkedHashMap<>();
        config.robots().forEach((name, robot) -> keys.put(name, robot.key()));
        return keys;
    }

    /**
     * Secrets and tokens travel in the API's URLs: plain {@code http://} is for a fake WeCom API on this machine (the
     * tests) or dev mode, never for a remote host in production.
     */
    static String apiBaseUrl(String tenantId, String configured) {
        URI uri = URI.create(configured);
        if ("http".equalsIgnoreCase(uri.getScheme()) && LaunchMode.current() != LaunchMode.DEVELOPMENT
                && !isLoopback(uri.getHost())) {
            throw new IllegalStateException("leadlistener.tenants.\"" + tenantId + "\".api-base-url: http:// is"
                    + " allowed only for a loopback host (a fake WeCom API) or in dev mode, not for '" + uri.getHost()
                    + "'; use https://");
        }
        return stripTrailingSlash(configured);
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.equals("::1") || bare.startsWith("127.");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static AcceptedSecret previous(TenantsConfig.PreviousCallbackConfig old) {
        return new AcceptedSecret(new CallbackSecret(old.token(), EncodingAesKey.parse(old.encodingAesKey())),
                old.acceptedUntil());
    }
}
