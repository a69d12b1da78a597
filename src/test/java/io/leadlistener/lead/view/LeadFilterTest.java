package io.leadlistener.lead.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadlistener.errors.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadFilterTest {

    @Test
    void noParametersIsTheFirstPageOfFifty() {
        LeadFilter filter = LeadFilter.parse(Map.of());
        assertThat(filter.limit()).isEqualTo(50);
        assertThat(filter.after()).isNull();
        assertThat(filter.intent()).isNull();
    }

    @Test
    void everyFilterIsRead() {
        LeadFilter filter = LeadFilter.parse(query("intent", "quote", "pool", "华东", "owner", "zhangsan",
                "channel", "wecom-kf", "createdFrom", "2026-12-01T08:00:00+08:00", "createdTo", "2026-12-02T00:00:00Z",
                "seenFrom", "2026-11-01T00:00:00Z", "seenTo", "2026-11-02T00:00:00Z", "q", " 李雷 Ltd ",
                "limit", "200", "cursor", LeadCursor.encode(42)));
        assertThat(filter).isEqualTo(new LeadFilter("quote", "华东", "zhangsan", "wecom-kf",
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), "李雷 ltd", 200, 42L));
    }

    @Test
    void eachBadParameterIsNamed() {
        assertRefused(query("status", "open"), "status", "unknown parameter");
        assertRefused(query("createdFrom", "yesterday"), "createdFrom", "not an RFC 3339 date-time");
        assertRefused(query("seenTo", "2026-12-01T00:00:00"), "seenTo", "not an RFC 3339 date-time");
        assertRefused(query("limit", "0"), "limit", "from 1 to 200");
        assertRefused(query("limit", "201"), "limit", "from 1 to 200");
        assertRefused(query("limit", "ten"), "limit", "from 1 to 200");
        assertRefused(query("channel", "fax"), "channel", "unknown channel 'fax'");
        assertRefused(query("cursor", "not-a-cursor"), "cursor", "not a cursor this API issued");
        assertRefused(query("cursor", LeadCursor.encode(1).substring(2)), "cursor", "not a cursor");
        assertRefused(query("intent", "  "), "intent", "must not be empty");
        assertRefused(query("createdFrom", "2026-12-02T00:00:00Z", "createdTo", "2026-12-01T00:00:00Z"),
                "createdTo", "must be after createdFrom");
        assertRefused(Map.of("owner", List.of("a", "b")), "owner", "given 2 times");
    }

    @Test
    void allErrorsAreAnsweredTogether() {
        assertThatThrownBy(() -> LeadFilter.parse(query("limit", "0", "seenFrom", "soon", "colour", "red")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("limit", "seenFrom", "colour"));
    }

    static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], List.of(pairs[i + 1]));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(InvalidInputException e) {
        return ((List<Map<String, String>>) e.extensions().get("errors")).stream().map(error -> error.get("field"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(Map<String, List<String>> query, String field, String detail) {
        assertThatThrownBy(() -> LeadFilter.parse(query)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.slug()).isEqualTo("invalid-query");
            List<Map<String, String>> errors = (List<Map<String, String>>) e.extensions().get("errors");
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.get("field")).isEqualTo(field);
                assertThat(error.get("detail")).contains(detail);
            });
        });
    }
}
