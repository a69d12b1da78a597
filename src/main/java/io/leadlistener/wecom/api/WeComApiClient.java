package io.leadlistener.wecom.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WeCom server API calls the service makes (token, 微信客服 pull, app message, corporate tags), over the JDK HTTP
 * client. Network failures and non-200
 * answers are {@link UncheckedIOException}s (retryable); an answer with {@code errcode != 0} is a
 * {@link WeComApiException}. URLs carry secrets and tokens, so they are never logged or put into messages.
 */
@ApplicationScoped
public class WeComApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * The largest answer read: a full {@code kf/sync_msg} page is a few MiB at most; anything bigger is refused
     * unread rather than held in memory.
     */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    /** One page of {@code kf/sync_msg}. */
    public record SyncPage(String nextCursor, boolean hasMore, JsonNode msgList) {
    }

    /**
     * WeCom's answer to an app message. A partly invalid recipient list still answers errcode 0: the recipients it
     * could not reach are listed here, a failure per recipient.
     */
    public record AppMessageReceipt(String msgId, List<String> invalidUsers, List<String> invalidParties) {
    }

    public record AccessToken(String token, Duration expiresIn) {
        @Override
        public String toString() {
            return "AccessToken[****, expiresIn=" + expiresIn + "]";
        }
    }

    private final ObjectMapper objectMapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public WeComApiClient(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** {@code GET /cgi-bin/gettoken?corpid=&corpsecret=}. */
    public AccessToken getToken(String baseUrl, String corpId, String secret) {
        URI uri = URI.create(baseUrl + "/cgi-bin/gettoken?corpid=" + encode(corpId) + "&corpsecret=" + encode(secret));
        JsonNode body = send("gettoken", HttpRequest.newBuilder(uri).GET());
        return new AccessToken(body.path("access_token").asText(),
                Duration.ofSeconds(body.path("expires_in").asLong(7200)));
    }

    /** {@code POST /cgi-bin/kf/sync_msg?access_token=}. */
    public SyncPage syncMsg(String baseUrl, String accessToken, String cursor, String token, int limit,
                            String openKfId) {
        ObjectNode request = objectMapper.createObjectNode();
        if (cursor != null) {
            request.put("cursor", cursor);
        }
        request.put("token", token);
        request.put("limit", limit);
        request.put("voice_format", 0);
        request.put("open_kfid", openKfId);
        URI uri = URI.create(baseUrl + "/cgi-bin/kf/sync_msg?access_token=" + encode(accessToken));
        JsonNode body = send("kf/sync_msg", HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)));
        return new SyncPage(body.path("next_cursor").asText(null), body.path("has_more").asInt(0) == 1,
                body.path("msg_list"));
    }

    /**
     * {@code POST /cgi-bin/message/send?access_token=} with the message as given ({@code touser}, {@code msgtype},
     * {@code agentid}, the content, {@code enable_duplicate_check}): the caller builds it once, so a resend after a
     * crash is byte for byte the same and WeCom's duplicate check drops it.
     */
    public AppMessageReceipt sendAppMessage(String baseUrl, String accessToken, JsonNode message) {
        URI uri = URI.create(baseUrl + "/cgi-bin/message/send?access_token=" + encode(accessToken));
        JsonNode body = send("message/send", HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8)));
        return new AppMessageReceipt(body.path("msgid").asText(null), ids(body.path("invaliduser")),
                ids(body.path("invalidparty")));
    }

    /**
     * {@code POST /cgi-bin/webhook/send?key=} — a group robot's message. No access token: the key is the secret, so it
     * travels only in the URL, which is never logged.
     */
    public void sendRobotMessage(String baseUrl, String key, JsonNode message) {
        URI uri = URI.create(baseUrl + "/cgi-bin/webhook/send?key=" + encode(key));
        send("webhook/send", HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8)));
    }

    /** A corporate tag group as WeCom lists it: its tags by name (deleted ones left out). */
    public record CorpTagGroup(String groupId, String groupName, Map<String, String> tagIdsByName) {
    }

    /** {@code POST /cgi-bin/externalcontact/get_corp_tag_list} of every group (token of the 客户联系 secret). */
    public List<CorpTagGroup> corpTagList(String baseUrl, String accessToken) {
        ObjectNode request = objectMapper.createObjectNode();
        request.putArray("tag_id");
        request.putArray("group_id");
        JsonNode body = post(baseUrl, "externalcontact/get_corp_tag_list", accessToken, request);
        List<CorpTagGroup> groups = new ArrayList<>();
        for (JsonNode group : body.path("tag_group")) {
            groups.add(tagGroup(group));
        }
        return groups;
    }

    /**
     * {@code POST /cgi-bin/externalcontact/add_corp_tag}: the tags in the group of that name — WeCom adds them to the
     * group when it exists, or creates the group.
     *
     * @return the group with the created tags
     */
    public CorpTagGroup addCorpTags(String baseUrl, String accessToken, String groupName, List<String> tagNames) {
        ObjectNode request = objectMapper.createObjectNode();
        request.put("group_name", groupName);
        ArrayNode tags = request.putArray("tag");
        tagNames.forEach(name -> tags.addObject().put("name", name));
        return tagGroup(post(baseUrl, "externalcontact/add_corp_tag", accessToken, request).path("tag_group"));
    }

    /** {@code POST /cgi-bin/externalcontact/mark_tag}: marks the customer, as the follow user sees them. */
    public void markTag(String baseUrl, String accessToken, String userId, String externalUserId,
                        List<String> tagIds) {
        ObjectNode request = objectMapper.createObjectNode();
        request.put("userid", userId);
        request.put("external_userid", externalUserId);
        ArrayNode add = request.putArray("add_tag");
        tagIds.forEach(add::add);
        request.putArray("remove_tag");
        post(baseUrl, "externalcontact/mark_tag", accessToken, request);
    }

    /**
     * {@code GET /cgi-bin/externalcontact/get?external_userid=} (token of the 客户联系 secret): the customer
     * ({@code external_contact}) and the employees who follow them ({@code follow_user}), as WeCom answers.
     */
    public JsonNode externalContact(String baseUrl, String accessToken, String externalUserId) {
        URI uri = URI.create(baseUrl + "/cgi-bin/externalcontact/get?access_token=" + encode(accessToken)
                + "&external_userid=" + encode(externalUserId));
        return send("externalcontact/get", HttpRequest.newBuilder(uri).GET());
    }

    /**
     * {@code POST /cgi-bin/kf/customer/batchget} (token of the 微信客服 secret): a 微信客服 customer, who has no follow
     * user. Empty when WeCom lists the id as invalid.
     */
    public Optional<JsonNode> kfCustomer(String baseUrl, String accessToken, String externalUserId) {
        ObjectNode request = objectMapper.createObjectNode();
        request.putArray("external_userid_list").add(externalUserId);
        request.put("need_enter_session_context", 0);
        for (JsonNode customer : post(baseUrl, "kf/customer/batchget", accessToken, request).path("customer_list")) {
            if (externalUserId.equals(customer.path("external_userid").asText())) {
                return Optional.of(customer);
            }
        }
        return Optional.empty();
    }

    private static CorpTagGroup tagGroup(JsonNode group) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : group.path("tag")) {
            if (!tag.path("deleted").asBoolean(false)) {
                tags.put(tag.path("name").asText(), tag.path("id").asText());
            }
        }
        return new CorpTagGroup(group.path("group_id").asText(null), group.path("group_name").asText(""), tags);
    }

    private JsonNode post(String baseUrl, String call, String accessToken, JsonNode request) {
        URI uri = URI.create(baseUrl + "/cgi-bin/" + call + "?access_token=" + encode(accessToken));
        return send(call, HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)));
    }

    /** WeCom lists ids joined by '|', empty when there are none. */
    private static List<String> ids(JsonNode joined) {
        String text = joined.asText("");
        return text.isBlank() ? List.of() : List.of(text.split("\\|"));
    }

    private JsonNode send(String call, HttpRequest.Builder request) {
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("WeCom " + call + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("WeCom " + call + " interrupted", new IOException(e));
        }
        if (response.statusCode() != 200) {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // The answer is refused anyway; closing only returns the connection.
            }
            throw new UncheckedIOException(new IOException("WeCom " + call + " answered HTTP " + response.statusCode()));
        }
        String text;
        try (java.io.InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new UncheckedIOException(new IOException("WeCom " + call + " answered more than "
                        + MAX_ANSWER_BYTES + " bytes; not read on"));
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("WeCom " + call + " answer could not be read: "
                    + e.getClass().getSimpleName(), e);
        }
        JsonNode body;
        try {
            body = objectMapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("WeCom " + call + " answered malformed JSON", e);
        }
        int errcode = body.path("errcode").asInt(0);
        if (errcode != 0) {
            throw new WeComApiException(call, errcode, body.path("errmsg").asText(""));
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
