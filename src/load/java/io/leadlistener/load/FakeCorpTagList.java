package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The corporate tags (企业客户标签) of the harness's fake WeCom API: empty at start, so the service lists them
 * ({@code get_corp_tag_list}) and creates its intent tags ({@code add_corp_tag}) once, then marks with their ids.
 * A {@code mark_tag} naming an id never handed out is counted, not refused: the report shows it. Deleting tags
 * (40068) is the tests' business ({@code FakeCorpTags}), not the benchmark's.
 */
final class FakeCorpTagList {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** group name → (tag name → tag id), in creation order. */
    private final Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    private final AtomicLong lists = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong existingAdded = new AtomicLong();
    private final AtomicLong unknownIds = new AtomicLong();
    private long nextId;

    /** {@code get_corp_tag_list}'s answer: every group with its tags. */
    synchronized ObjectNode list() {
        lists.incrementAndGet();
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        ArrayNode tagGroups = answer.putArray("tag_group");
        groups.forEach((group, tags) -> tagGroups.add(group(group, tags)));
        return answer;
    }

    /** {@code add_corp_tag}: the named tags into the group of that name, created when missing. */
    synchronized ObjectNode add(JsonNode request) {
        String group = request.path("group_name").asText();
        Map<String, String> tags = groups.computeIfAbsent(group, name -> new LinkedHashMap<>());
        Map<String, String> added = new LinkedHashMap<>();
        for (JsonNode tag : request.path("tag")) {
            String name = tag.path("name").asText();
            if (tags.containsKey(name)) {
                // WeCom would answer 40071; counted instead, so a race between creators shows in the report.
                existingAdded.incrementAndGet();
            } else {
                created.incrementAndGet();
            }
            added.put(name, tags.computeIfAbsent(name, absent -> "load-tag-" + ++nextId));
        }
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        answer.set("tag_group", group(group, added));
        return answer;
    }

    /** Counts the ids of a {@code mark_tag} that no {@code add_corp_tag} handed out. */
    synchronized void checkMarked(JsonNode addTag) {
        addTag.forEach(id -> {
            if (groups.values().stream().noneMatch(tags -> tags.containsValue(id.asText()))) {
                unknownIds.incrementAndGet();
            }
        });
    }

    /** For the report, e.g. {@code 1 tag lists, 1 tags created (0 created again), 0 marked tag ids never created}. */
    String tally() {
        return lists.get() + " tag lists, " + created.get() + " tags created (" + existingAdded.get()
                + " created again), " + unknownIds.get() + " marked tag ids never created";
    }

    private static ObjectNode group(String name, Map<String, String> tags) {
        ObjectNode group = JSON.createObjectNode().put("group_id", "load-group-" + name.hashCode())
                .put("group_name", name);
        ArrayNode list = group.putArray("tag");
        tags.forEach((tag, id) -> list.addObject().put("id", id).put("name", tag).put("deleted", false));
        return group;
    }
}
