package io.leadlistener.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What WeCom knows about a customer — personal data, kept on the lead and published as
 * {@code lead.profile-updated.v1}. From {@code externalcontact/get} for a customer with follow users, or from
 * {@code kf/customer/batchget} for a 微信客服 customer (nickname, gender, unionid; no follow users).
 *
 * @param name     the WeChat name (微信客服: nickname)
 * @param type     1 a WeChat user, 2 a WeCom user (null for 微信客服)
 * @param gender   0 unknown, 1 male, 2 female
 * @param unionid  the same person across a corp's channels (only when the corp has a bound 公众号/小程序 developer
 *                 account); never used to merge leads across corps
 * @param source   {@code externalcontact} or {@code kf}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProfile(String name, Integer type, String corpName, String position, Integer gender,
                              String unionid, List<FollowUser> followUsers, String source) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param addWay    WeCom's add_way code (how the customer was added)
     * @param state     the 渠道活码 state of the add-contact link, if any
     * @param createdAt when the employee added the customer (RFC 3339)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FollowUser(String userId, String remark, Integer addWay, String state, String createdAt) {
    }

    public CustomerProfile {
        followUsers = followUsers == null ? List.of() : List.copyOf(followUsers);
    }

    /** From {@code externalcontact/get}'s answer; follow users sorted by userid, so the hash does not depend on order. */
    static CustomerProfile fromExternalContact(JsonNode answer) {
        JsonNode contact = answer.path("external_contact");
        List<FollowUser> follow = new ArrayList<>();
        for (JsonNode user : answer.path("follow_user")) {
            follow.add(new FollowUser(text(user, "userid"), text(user, "remark"), number(user, "add_way"),
                    text(user, "state"), user.hasNonNull("createtime")
                    ? Instant.ofEpochSecond(user.path("createtime").asLong()).toString() : null));
        }
        follow.sort(Comparator.comparing(FollowUser::userId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new CustomerProfile(text(contact, "name"), number(contact, "type"), text(contact, "corp_name"),
                text(contact, "position"), number(contact, "gender"), text(contact, "unionid"), follow,
                "externalcontact");
    }

    /** From one entry of {@code kf/customer/batchget}'s {@code customer_list}. */
    static CustomerProfile fromKfCustomer(JsonNode customer) {
        return new CustomerProfile(text(customer, "nickname"), null, null, null, number(customer, "gender"),
                text(customer, "unionid"), List.of(), "kf");
    }

    /** The profile as stored and published. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash of the profile: a new one means the profile changed (and names its event). */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(toJson().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Integer number(JsonNode node, String field) {
        return node.hasNonNull(field) && node.path(field).canConvertToInt() ? node.path(field).asInt() : null;
    }

    @Override
    public String toString() { // personal data
        return "CustomerProfile[source=" + source + ", followUsers=" + followUsers.size() + "]";
    }
}
