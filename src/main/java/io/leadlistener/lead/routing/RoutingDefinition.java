package io.leadlistener.lead.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Routing rules as an admin submits them, checked field by field: every problem is reported at once, with the
 * field it concerns, so a console can mark them all.
 */
public record RoutingDefinition(Map<String, String> pools, List<String> precedence, String defaultPool,
                                Map<String, PoolRecipients> recipients) {

    /** Same form as intent names (see the intents API). */
    static final Pattern INTENT = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /** Pools end up in event payloads and downstream queue names: a plain slug. */
    static final Pattern POOL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public record FieldError(String field, String detail) {
    }

    /**
     * Checks the submitted fields.
     *
     * @param knownIntents the intents the tenant's rules can tag; routing any other is refused (a typo would
     *                     otherwise silently never match)
     * @return the errors, empty if the definition is valid
     */
    public static List<FieldError> validate(Map<String, String> pools, List<String> precedence, String defaultPool,
                                            Set<String> knownIntents) {
        return validate(pools, precedence, defaultPool, Map.of(), knownIntents);
    }

    /**
     * Checks the submitted fields, pool recipients included.
     *
     * @param recipients per pool, who is alerted about leads without an owner; null counts as none
     */
    public static List<FieldError> validate(Map<String, String> pools, List<String> precedence, String defaultPool,
                                            Map<String, PoolRecipients> recipients, Set<String> knownIntents) {
        return validate(pools, precedence, defaultPool, recipients, knownIntents, Set.of());
    }

    /** @param knownRobots the names of the tenant's configured group robots */
    public static List<FieldError> validate(Map<String, String> pools, List<String> precedence, String defaultPool,
                                            Map<String, PoolRecipients> recipients, Set<String> knownIntents,
                                            Set<String> knownRobots) {
        List<FieldError> errors = new ArrayList<>();
        if (recipients != null) {
            recipients.forEach((pool, who) -> checkRecipients(errors, "recipients." + pool, pool, who, knownRobots));
        }
        if (pools == null) {
            errors.add(new FieldError("pools", "is required (an object of intent → pool; {} routes everything to "
                    + "defaultPool)"));
        } else {
            pools.forEach((intent, pool) -> {
                checkIntent(errors, "pools." + intent, intent, knownIntents);
                if (pool == null || !POOL.matcher(pool).matches()) {
                    errors.add(new FieldError("pools." + intent, poolRule(pool)));
                }
            });
        }
        if (precedence == null) {
            errors.add(new FieldError("precedence", "is required (a list of intents, the first present decides)"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < precedence.size(); i++) {
                String intent = precedence.get(i);
                checkIntent(errors, "precedence[" + i + "]", intent, knownIntents);
                if (intent != null && !seen.add(intent)) {
                    errors.add(new FieldError("precedence[" + i + "]", "'" + intent + "' is listed twice"));
                }
            }
        }
        if (defaultPool == null || !POOL.matcher(defaultPool).matches()) {
            errors.add(new FieldError("defaultPool", defaultPool == null ? "is required" : poolRule(defaultPool)));
        }
        return errors;
    }

    public RoutingDefinition {
        pools = new LinkedHashMap<>(pools);
        precedence = List.copyOf(precedence);
        recipients = recipients == null ? Map.of() : new TreeMap<>(recipients);
    }

    public RoutingDefinition(Map<String, String> pools, List<String> precedence, String defaultPool) {
        this(pools, precedence, defaultPool, Map.of());
    }

    private static void checkRecipients(List<FieldError> errors, String field, String pool, PoolRecipients who,
                                        Set<String> knownRobots) {
        if (!POOL.matcher(pool).matches()) {
            errors.add(new FieldError(field, poolRule(pool)));
        }
        if (who == null || who.isEmpty()) {
            errors.add(new FieldError(field, "names nobody: give users (WeCom userids), departments (ids) and/or "
                    + "robots (names of the tenant's group robots), or leave the pool out"));
            return;
        }
        for (int i = 0; i < who.robots().size(); i++) {
            String robot = who.robots().get(i);
            if (robot == null || !PoolRecipients.ROBOT.matcher(robot).matches()) {
                errors.add(new FieldError(field + ".robots[" + i + "]", "'" + robot + "' is not a robot name"));
            } else if (!knownRobots.contains(robot)) {
                errors.add(new FieldError(field + ".robots[" + i + "]", "unknown robot '" + robot + "': configure "
                        + "leadlistener.tenants.<tenant>.robots." + robot + ".key first (known: "
                        + String.join(", ", new java.util.TreeSet<>(knownRobots)) + ")"));
            }
        }
        if (who.users().size() > PoolRecipients.MAX_USERS) {
            errors.add(new FieldError(field + ".users", "at most " + PoolRecipients.MAX_USERS
                    + " users (WeCom's limit for one message)"));
        }
        if (who.departments().size() > PoolRecipients.MAX_DEPARTMENTS) {
            errors.add(new FieldError(field + ".departments", "at most " + PoolRecipients.MAX_DEPARTMENTS
                    + " departments (WeCom's limit for one message)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < who.users().size(); i++) {
            String user = who.users().get(i);
            if (user == null || !PoolRecipients.USER_ID.matcher(user).matches()) {
                errors.add(new FieldError(field + ".users[" + i + "]", "'" + user + "' is not a WeCom userid "
                        + "(letters, digits, '_', '-', '.', '@', at most 64)"));
            } else if (!seen.add(user)) {
                errors.add(new FieldError(field + ".users[" + i + "]", "'" + user + "' is listed twice"));
            }
        }
        for (int i = 0; i < who.departments().size(); i++) {
            Long department = who.departments().get(i);
            if (department == null || department < 1 || department > Integer.MAX_VALUE) {
                errors.add(new FieldError(field + ".departments[" + i + "]", "'" + department
                        + "' is not a WeCom department id (a whole number ≥ 1)"));
            }
        }
    }

    private static void checkIntent(List<FieldError> errors, String field, String intent, Set<String> knownIntents) {
        if (intent == null || !INTENT.matcher(intent).matches()) {
            errors.add(new FieldError(field, "'" + intent + "' is not an intent name (lower-case letters, digits, "
                    + "'_' or '-', starting with a letter)"));
        } else if (!knownIntents.contains(intent)) {
            errors.add(new FieldError(field, "unknown intent '" + intent + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(knownIntents)) + ")"));
        }
    }

    private static String poolRule(String pool) {
        return "'" + pool + "' is not a pool name (lower-case letters, digits, '.', '_' or '-', at most 64)";
    }
}
