package io.leadlistener.actions;

import io.leadlistener.tenant.Tenant;
import io.leadlistener.wecom.api.WeComApiClient;
import io.leadlistener.wecom.api.WeComApiException;
import io.leadlistener.wecom.api.WeComErrcodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the corporate tags the service marks customers with, by (tenant, group, name). A name not known yet is
 * looked up in WeCom's tag list ({@code get_corp_tag_list}) and, when missing there too, created once
 * ({@code add_corp_tag}: into the group of that name, or a new group). Cached per replica until WeCom says a tag is
 * gone (40068: deleted by an admin), when the tenant's entries are forgotten and resolved again. Another replica may
 * create the same name between our look-up and our {@code add_corp_tag}; WeCom then refuses the name (40071) and the
 * ids are taken from a second look-up.
 */
@ApplicationScoped
public class CorpTagDirectory {

    private final WeComApiClient api;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    public CorpTagDirectory(WeComApiClient api) {
        this.api = api;
    }

    /** @return the tag ids of {@code names} in {@code group}, in their order, creating the missing ones */
    List<String> resolve(Tenant tenant, String accessToken, String group, List<String> names) {
        if (names.stream().anyMatch(name -> !ids.containsKey(key(tenant, group, name)))) {
            learn(tenant, accessToken, group, names);
        }
        List<String> resolved = new ArrayList<>();
        for (String name : names) {
            String id = ids.get(key(tenant, group, name));
            if (id == null) {
                throw new IllegalStateException("WeCom did not create tag '" + name + "' in group '" + group + "'");
            }
            resolved.add(id);
        }
        return resolved;
    }

    /** WeCom no longer knows one of the tenant's cached ids: look them all up again next time. */
    void forget(Tenant tenant) {
        String prefix = tenant.id() + "\u0000";
        ids.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /**
     * One thread at a time, so the action worker's threads do not both create a missing tag; it runs once per replica
     * and tag, then the cache answers. Another replica may still win the race (40071, below).
     */
    private synchronized void learn(Tenant tenant, String accessToken, String group, List<String> names) {
        List<String> missing = lookUp(tenant, accessToken, group, names);
        if (missing.isEmpty()) {
            return;
        }
        try {
            WeComApiClient.CorpTagGroup created = api.addCorpTags(tenant.apiBaseUrl(), accessToken, group, missing);
            created.tagIdsByName().forEach((name, id) -> ids.put(key(tenant, group, name), id));
        } catch (WeComApiException e) {
            // Rethrown when the names are still missing: then 40071 meant an invalid name, not a lost race.
            if (e.errcode() != WeComErrcodes.TAG_NAME_TAKEN || !lookUp(tenant, accessToken, group, names).isEmpty()) {
                throw e;
            }
        }
    }

    /** Caches the group's tags as WeCom lists them; @return those of {@code names} WeCom does not have */
    private List<String> lookUp(Tenant tenant, String accessToken, String group, List<String> names) {
        if (names.stream().allMatch(name -> ids.containsKey(key(tenant, group, name)))) {
            return List.of(); // another thread learned them while this one waited
        }
        for (WeComApiClient.CorpTagGroup existing : api.corpTagList(tenant.apiBaseUrl(), accessToken)) {
            if (existing.groupName().equals(group)) {
                existing.tagIdsByName().forEach((name, id) -> ids.put(key(tenant, group, name), id));
            }
        }
        return names.stream().filter(name -> !ids.containsKey(key(tenant, group, name))).distinct().toList();
    }

    private static String key(Tenant tenant, String group, String name) {
        return tenant.id() + "\u0000" + group + "\u0000" + name;
    }
}
