package io.leadlistener.lead.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who is alerted in WeCom about a lead of a pool that has no owner (e.g. an employee writing to the app): WeCom
 * userids and/or department ids, as the app message's {@code touser} and {@code toparty}, and group robots by the
 * name the tenant's configuration gives them (their webhook keys are secrets, not data). Routing data, versioned with
 * the pools.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PoolRecipients(List<String> users, List<Long> departments, List<String> robots) {

    /** WeCom's limits for one app message: 1,000 members and 100 departments. */
    static final int MAX_USERS = 1000;
    static final int MAX_DEPARTMENTS = 100;
    /** A group robot's name, as the tenant's configuration names it. */
    static final Pattern ROBOT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** A WeCom userid: letters, digits, '_', '-', '.', '@', 1–64 characters. */
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    public PoolRecipients {
        // Not List.copyOf: a submitted null element must reach validation and be reported, not throw here.
        users = users == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(users));
        departments = departments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(departments));
        robots = robots == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(robots));
    }

    public PoolRecipients(List<String> users, List<Long> departments) {
        this(users, departments, List.of());
    }

    public boolean isEmpty() {
        return users.isEmpty() && departments.isEmpty() && robots.isEmpty();
    }
}
