package io.leadlistener.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.events.LeadIds;

/**
 * A WeCom customer (external contact) of the {@link AlertingTenant} and the salesperson who added them, as fault tests
 * of customer tags and profiles use them: the lead is the customer's, the profile WeCom answers names them.
 */
public record ExternalCustomer(String externalUserId, String followUser) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String leadId() {
        return LeadIds.leadId(AlertingTenant.TENANT, "external", externalUserId);
    }

    /** The name in the customer's WeCom profile. */
    public String name() {
        return "客户" + externalUserId.substring(Math.max(0, externalUserId.length() - 6));
    }

    /** What {@code externalcontact/get} answers for the customer: their name, followed by {@link #followUser}. */
    public ObjectNode externalContactAnswer() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("external_contact").put("name", name()).put("type", 1).put("gender", 1);
        answer.putArray("follow_user").addObject().put("userid", followUser).put("remark", "")
                .put("createtime", 1_764_000_000L).put("add_way", 1);
        return answer;
    }
}
