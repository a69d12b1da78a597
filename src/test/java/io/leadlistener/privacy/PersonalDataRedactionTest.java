package io.leadlistener.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.actions.CustomerProfile;
import io.leadlistener.events.CloudEventsJson;
import io.leadlistener.events.EventSchemas;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadEventData;
import io.leadlistener.events.LeadIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each shape the service stores, built as the service builds it, loses the customer's words and name — only them. */
class PersonalDataRedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PersonalDataRedaction REDACTION = new PersonalDataRedaction(JSON);
    private static final CloudEventsJson EVENTS = new CloudEventsJson(JSON);
    private static final String LEAD = LeadIds.leadId("demo", "external", "wmEAAA0001");
    private static final String TEXT = "能给个报价吗？多少钱落地";
    private static final CustomerProfile PROFILE = new CustomerProfile("李雷", 2, "腾讯科技", "采购经理", 1,
            "oUnion-1", List.of(new CustomerProfile.FollowUser("zhangsan", "李总-深圳", 1, "expo2026",
            "2026-11-24T09:58:00Z")), "externalcontact");

    @Test
    void anEventLosesMessageTextAndEverySpanButKeepsOffsetsIntentsAndIds() throws Exception {
        String event = EVENTS.toJson(LeadEvent.intentTagged(LeadEvent.API, Instant.parse("2026-11-23T08:00:01Z"),
                data()));

        String redacted = REDACTION.event(event);

        assertThat(redacted).doesNotContain(TEXT, "\"text\"", "多少钱", "落地\"");
        JsonNode data = JSON.readTree(redacted).path("data");
        assertThat(data.at("/message/id").asText()).isEqualTo("api:m-1");
        assertThat(data.at("/message/sentAt").asText()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(data.path("message").has("text")).isFalse();
        assertThat(data.path("intents").toString()).isEqualTo("[\"quote\"]");
        assertThat(data.at("/matches/0").toString())
                .isEqualTo("{\"intent\":\"quote\",\"keyword\":\"报价\",\"start\":3,\"end\":5}");
        assertThat(data.at("/matches/1/parts").toString())
                .isEqualTo("[{\"start\":7,\"end\":10},{\"start\":10,\"end\":12}]");
        assertThat(data.at("/contact/id").asText()).isEqualTo("wmEAAA0001");
        EventSchemas.assertValid(redacted);
        assertThat(redacted).as("what include-message-text=false would have published")
                .isEqualTo(EVENTS.toJson(LeadEvent.intentTagged(LeadEvent.API, Instant.parse("2026-11-23T08:00:01Z"),
                        data().withoutMessageText())));
    }

    @Test
    void aProfileEventKeepsOnlyNonPersonalProfileKeysAndStaysValid() throws Exception {
        String event = EVENTS.toJson(LeadEvent.profileUpdated(LeadEvent.WECOM_CONTACT, Instant.now(),
                new LeadEventData(LEAD, "demo", "wx5823bf96d3bd56c7", new LeadEventData.Contact("wmEAAA0001",
                        "external", "expo2026"), new LeadEventData.Owner("zhangsan"), "sales",
                        new LeadEventData.Routing(null, 0), List.of(), List.of(), null, 0)
                        .withProfile(JSON.readTree(PROFILE.toJson())), PROFILE.hash()));

        String redacted = REDACTION.event(event);

        assertThat(redacted).doesNotContain("李雷", "腾讯科技", "采购经理", "oUnion-1", "李总-深圳", "gender");
        assertThat(JSON.readTree(redacted).at("/data/profile").toString()).isEqualTo("{\"type\":2,"
                + "\"followUsers\":[{\"userId\":\"zhangsan\",\"addWay\":1,\"state\":\"expo2026\","
                + "\"createdAt\":\"2026-11-24T09:58:00Z\"}],\"source\":\"externalcontact\"}");
        EventSchemas.assertValid(redacted);
    }

    @Test
    void aStoredProfileKeepsHowWeComKnowsTheCustomerAndWhoAddedThem() throws Exception {
        String kf = new CustomerProfile("韩梅梅", null, null, null, 2, "oUnion-2", List.of(), "kf").toJson();

        assertThat(JSON.readTree(REDACTION.profile(PROFILE.toJson())).path("followUsers").get(0).has("remark"))
                .isFalse();
        assertThat(REDACTION.profile(kf)).isEqualTo("{\"followUsers\":[],\"source\":\"kf\"}");
        assertThat(REDACTION.profile("{\"name\":\"李雷\"}")).isEqualTo("{\"followUsers\":[]}");
    }

    @Test
    void somethingWithoutPersonalDataComesBackAsTheSameString() {
        String created = EVENTS.toJson(LeadEvent.leadCreated(LeadEvent.WECOM_CONTACT, Instant.now(),
                new LeadEventData(LEAD, "demo", "wx5823bf96d3bd56c7", new LeadEventData.Contact("wmEAAA0001",
                        "external", null), null, "sales", new LeadEventData.Routing(null, 0), List.of(), List.of(),
                        null, 0)));
        String redactedOnce = REDACTION.event(EVENTS.toJson(LeadEvent.intentTagged(LeadEvent.API, Instant.now(),
                data())));
        String tag = "{\"userid\":\"zhangsan\",\"external_userid\":\"wmEAAA0001\",\"group\":\"线索意向\","
                + "\"tags\":[{\"intent\":\"quote\",\"name\":\"报价\"}]}";
        String profileAction = "{\"external_userid\":\"wmEAAA0001\",\"via\":\"externalcontact\"}";

        assertThat(REDACTION.event(created)).isSameAs(created);
        assertThat(REDACTION.event(redactedOnce)).isSameAs(redactedOnce);
        assertThat(REDACTION.actionPayload(tag)).isSameAs(tag);
        assertThat(REDACTION.actionPayload(profileAction)).isSameAs(profileAction);
        assertThat(REDACTION.actionFacts(null)).isNull();
    }

    @Test
    void aTaggingExplanationLosesEverySpanTheCustomerWrote() {
        String tagging = "{\"intents\":[\"quote\"],\"matches\":[{\"intent\":\"quote\",\"keyword\":\"报价\","
                + "\"text\":\"報價\",\"start\":3,\"end\":5,\"parts\":[{\"text\":\"多少\",\"start\":1,\"end\":3}]}],"
                + "\"suppressed\":[{\"intent\":\"sample\",\"keyword\":\"样品\",\"text\":\"樣品\",\"start\":8,"
                + "\"end\":10,\"reason\":\"negated\",\"cue\":\"不要\"}],\"ruleSetVersion\":12}";

        assertThat(REDACTION.tagging(tagging)).isEqualTo("{\"intents\":[\"quote\"],\"matches\":[{\"intent\":"
                + "\"quote\",\"keyword\":\"报价\",\"start\":3,\"end\":5,\"parts\":[{\"start\":1,\"end\":3}]}],"
                + "\"suppressed\":[{\"intent\":\"sample\",\"keyword\":\"样品\",\"start\":8,\"end\":10,"
                + "\"reason\":\"negated\",\"cue\":\"不要\"}],\"ruleSetVersion\":12}");
    }

    @Test
    void anAlertKeepsItsAddressButNotItsWords() {
        String markdown = "{\"touser\":\"zhangsan\",\"agentid\":1000002,\"msgtype\":\"markdown\",\"markdown\":"
                + "{\"content\":\"**新线索：报价**\\n> 客户：李雷（wmEAAA0001）\\n> 命中：報價\\n> 原话：" + TEXT + "\"},"
                + "\"enable_duplicate_check\":1,\"duplicate_check_interval\":1800}";
        String textcard = "{\"toparty\":\"2\",\"agentid\":1000002,\"msgtype\":\"textcard\",\"textcard\":{\"title\":"
                + "\"新线索：报价\",\"description\":\"<div class=\\\"gray\\\">客户：李雷</div>\",\"url\":"
                + "\"https://leads.example.com/console?tenant=demo&message=m-1\",\"btntxt\":\"查看\"}}";
        String robot = "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"> 客户：李雷\"}}";

        assertThat(REDACTION.actionPayload(markdown)).isEqualTo("{\"touser\":\"zhangsan\",\"agentid\":1000002,"
                + "\"msgtype\":\"markdown\",\"enable_duplicate_check\":1,\"duplicate_check_interval\":1800}");
        assertThat(REDACTION.actionPayload(textcard))
                .isEqualTo("{\"toparty\":\"2\",\"agentid\":1000002,\"msgtype\":\"textcard\"}");
        assertThat(REDACTION.actionPayload(robot)).isEqualTo("{\"msgtype\":\"markdown\"}");
    }

    @Test
    void alertAndDigestFactsKeepIntentsAndCountsOnly() {
        String alert = "{\"customer\":\"李雷（wmEAAA0001）\",\"intents\":[\"quote\"],\"matchedWords\":[\"報價\"],"
                + "\"lines\":[\"" + TEXT + "\"],\"messages\":2,\"lookupMessageId\":\"api:m-1\"}";
        String digest = "{\"period\":\"22:00–08:00\",\"customers\":[" + alert + "]}";
        String kept = "{\"intents\":[\"quote\"],\"matchedWords\":[],\"lines\":[],\"messages\":2,"
                + "\"lookupMessageId\":\"api:m-1\"}";

        assertThat(REDACTION.actionFacts(alert)).isEqualTo(kept);
        assertThat(REDACTION.actionFacts(digest)).isEqualTo("{\"period\":\"22:00–08:00\",\"customers\":[" + kept
                + "]}");
    }

    @Test
    void aDigestDropsOneCustomerAndStillNamesTheOthers() {
        String lilei = "{\"customer\":\"李雷（wmEAAA0001）\",\"intents\":[\"quote\"],\"matchedWords\":[\"報價\"],"
                + "\"lines\":[\"" + TEXT + "\"],\"messages\":1,\"lookupMessageId\":\"api:m-1\"}";
        String han = "{\"customer\":\"韩梅梅（wmEAAA0002）\",\"intents\":[\"sample\"],\"matchedWords\":[\"样品\"],"
                + "\"lines\":[],\"messages\":1,\"lookupMessageId\":\"api:m-2\"}";
        String facts = "{\"period\":\"22:00–08:00\",\"customers\":[" + lilei + "," + han + "]}";
        String payload = "{\"touser\":\"zhangsan\",\"msgtype\":\"markdown\",\"markdown\":{\"content\":"
                + "\"**免打扰时段（22:00–08:00）的新线索：2 位客户**\\n> 李雷（wmEAAA0001）：报价\\n> 韩梅梅（wmEAAA0002）：样品需求\"}}";

        PersonalDataRedaction.Digest without = REDACTION.digestWithout(facts, payload,
                ErasedContact.parse("external:wmEAAA0001")::namedBy);

        assertThat(without.changed()).isTrue();
        assertThat(without.facts() + without.payload()).doesNotContain("李雷", "wmEAAA0001", TEXT, "報價");
        assertThat(without.payload()).contains("> （已删除）：报价", "> 韩梅梅（wmEAAA0002）：样品需求");
        assertThat(without.facts()).contains(han);
        PersonalDataRedaction.Digest again = REDACTION.digestWithout(without.facts(), without.payload(),
                ErasedContact.parse("external:wmEAAA0001")::namedBy);
        assertThat(again.changed()).isFalse();
    }

    private static LeadEventData data() {
        return new LeadEventData(LEAD, "demo", "wx5823bf96d3bd56c7",
                new LeadEventData.Contact("wmEAAA0001", "external", null), new LeadEventData.Owner("zhangsan"),
                "sales", new LeadEventData.Routing("quote", 3), List.of("quote"),
                List.of(new LeadEventData.Match("quote", "报价", "报价", 3, 5),
                        new LeadEventData.Match("quote", "@how-much … @spend", "多少钱落地", 7, 12, List.of(
                                new LeadEventData.Part("多少钱", 7, 10), new LeadEventData.Part("落地", 10, 12)))),
                new LeadEventData.Message("api:m-1", Instant.parse("2026-11-23T08:00:00Z"), TEXT), 12);
    }
}
