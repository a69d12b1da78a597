package io.leadlistener.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The corporate tags (企业客户标签) of the fake WeCom: groups of named tags with ids, as {@code get_corp_tag_list},
 * {@code add_corp_tag} and {@code mark_tag} answer them, and every call recorded. A tag can be deleted behind the
 * service's back, as an admin would in WeCom: marking it then answers 40068.
 */
public final class FakeCorpTags {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A {@code mark_tag} call as received. */
    public record Mark(String userId, String externalUserId, List<String> tagIds, List<String> tagNames) {
    }

    private record Tag(String id, String name, String group, boolean deleted) {
    }

    private final Map<String, String> groupIds = new LinkedHashMap<>();
    private final List<Tag> tags = new CopyOnWriteArrayList<>();
    private final List<Mark> marks = new CopyOnWriteArrayList<>();
    private final AtomicInteger listCalls = new AtomicInteger();
    private final AtomicInteger addCalls = new AtomicInteger();
    private final AtomicInteger nameTakenAnswers = new AtomicInteger();
    /** Every tag {@code add_corp_tag} created, deleted since or not. */
    private final List<Tag> created = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A tag that exists in WeCom before the service runs (created by an admin). */
    public synchronized String existing(String group, String name) {
        String id = "et" + ids.incrementAndGet();
        groupIds.computeIfAbsent(group, g -> "eg" + ids.incrementAndGet());
        tags.add(new Tag(id, name, group, false));
        return id;
    }

    /** An admin deletes the tag in WeCom. */
    public synchronized void delete(String group, String name) {
        tags.replaceAll(tag -> tag.group.equals(group) && tag.name.equals(name) && !tag.deleted
                ? new Tag(tag.id, tag.name, tag.group, true) : tag);
    }

    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    public int listCalls() {
        return listCalls.get();
    }

    public int addCalls() {
        return addCalls.get();
    }

    /** How many {@code add_corp_tag} calls were refused with 40071 because a name existed already. */
    public int nameTakenAnswers() {
        return nameTakenAnswers.get();
    }

    /** The names of every tag {@code add_corp_tag} created in the group, in creation order, deleted since or not. */
    public List<String> createdNames(String group) {
        return created.stream().filter(tag -> tag.group.equals(group)).map(Tag::name).toList();
    }

    /** Live tags of the group, by name. */
    public synchronized Map<String, String> liveTags(String group) {
        Map<String, String> live = new LinkedHashMap<>();
        tags.stream().filter(tag -> tag.group.equals(group) && !tag.deleted).forEach(tag -> live.put(tag.name, tag.id));
        return live;
    }

    synchronized ObjectNode list() {
        listCalls.incrementAndGet();
        ObjectNode answer = ok();
        ArrayNode groups = answer.putArray("tag_group");
        groupIds.forEach((group, groupId) -> groups.add(group(group, groupId, tags.stream()
                .filter(tag -> tag.group.equals(group) && !tag.deleted).toList())));
        return answer;
    }

    synchronized ObjectNode add(JsonNode request) {
        addCalls.incrementAndGet();
        String group = request.path("group_name").asText();
        if (group.isBlank() || !request.path("tag").isArray() || request.path("tag").isEmpty()) {
            return error(40071, "invalid group_name or tag");
        }
        String groupId = groupIds.computeIfAbsent(group, g -> "g" + ids.incrementAndGet());
        // The request as a whole: one name taken creates none of them.
        for (JsonNode tag : request.path("tag")) {
            String name = tag.path("name").asText();
            if (liveTags(group).containsKey(name)) {
                nameTakenAnswers.incrementAndGet();
                return error(40071, "tag name exists: " + name);
            }
        }
        List<Tag> added = new ArrayList<>();
        for (JsonNode tag : request.path("tag")) {
            String name = tag.path("name").asText();
            Tag fresh = new Tag("t" + ids.incrementAndGet(), name, group, false);
            tags.add(fresh);
            created.add(fresh);
            added.add(fresh);
        }
        ObjectNode answer = ok();
        answer.set("tag_group", group(group, groupId, added));
        return answer;
    }

    synchronized ObjectNode mark(JsonNode request) {
        List<String> tagIds = new ArrayList<>();
        request.path("add_tag").forEach(id -> tagIds.add(id.asText()));
        List<String> names = new ArrayList<>();
        for (String id : tagIds) {
            Tag tag = tags.stream().filter(candidate -> candidate.id.equals(id) && !candidate.deleted).findFirst()
                    .orElse(null);
            if (tag == null) {
                return error(40068, "invalid tagid");
            }
            names.add(tag.name);
        }
        if (request.path("userid").asText().isBlank() || request.path("external_userid").asText().isBlank()) {
            return error(40003, "invalid userid");
        }
        marks.add(new Mark(request.path("userid").asText(), request.path("external_userid").asText(), tagIds, names));
        return ok();
    }

    private static ObjectNode group(String name, String id, List<Tag> members) {
        ObjectNode group = JSON.createObjectNode().put("group_id", id).put("group_name", name);
        ArrayNode list = group.putArray("tag");
        members.forEach(tag -> list.addObject().put("id", tag.id).put("name", tag.name).put("deleted", false));
        return group;
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    }

    private static ObjectNode error(int errcode, String errmsg) {
        return JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg);
    }
}
