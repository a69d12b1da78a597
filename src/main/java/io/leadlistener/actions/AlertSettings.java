package io.leadlistener.actions;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of a tenant's alert settings. Version 0 is the configured defaults
 * ({@code leadlistener.actions.alerts.*});
 * published versions count up from 1 per tenant, each a full snapshot with who, when and what changed.
 *
 * @param enabled            whether tagged messages alert anyone at all
 * @param foldMinutes        one alert per customer per this many minutes (0: every tagged message alerts)
 * @param perMemberPerMinute at most this many app messages to one member per minute
 * @param newContactAlerts   whether an added external contact alerts its salesperson
 * @param format             {@code auto}, {@code markdown} or {@code textcard}
 * @param customerTags       whether external contacts are marked with a corporate tag per intent
 * @param tagGroup           the corporate tag group those tags live in
 * @param tagNames           intent id → tag name, where it differs from the intent's label
 * @param quietFrom          start of the quiet hours ({@code HH:mm}), or null: no quiet hours
 * @param quietTo            end of the quiet hours ({@code HH:mm}), or null
 * @param timeZone           the zone the quiet hours are read in
 * @param changesJson        what this version changed against the one before, as stored; null for version 0
 */
public record AlertSettings(String tenant, long version, boolean enabled, int foldMinutes, int perMemberPerMinute,
                            boolean newContactAlerts, String format, boolean customerTags, String tagGroup,
                            Map<String, String> tagNames, String quietFrom, String quietTo, String timeZone,
                            Instant publishedAt, String publishedBy, String origin, Long rolledBackTo, String note,
                            String changesJson) {

    static final int MAX_FOLD_MINUTES = 1440;
    /** WeCom drops app messages beyond about 30 per member per minute per app (docs/wecom-protocol notes). */
    static final int MAX_PER_MEMBER_PER_MINUTE = 30;
    /** WeCom's limit for a tag's and a tag group's name. */
    static final int MAX_TAG_NAME = 30;

    public AlertSettings {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(tagGroup, "tagGroup");
        Objects.requireNonNull(timeZone, "timeZone");
        tagNames = tagNames == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tagNames));
    }

    /** The settings themselves, by name, as the API shows them and the changes compare them. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", enabled);
        values.put("foldMinutes", foldMinutes);
        values.put("perMemberPerMinute", perMemberPerMinute);
        values.put("newContactAlerts", newContactAlerts);
        values.put("format", format);
        values.put("customerTags", customerTags);
        values.put("tagGroup", tagGroup);
        values.put("tagNames", tagNames);
        values.put("quietFrom", quietFrom);
        values.put("quietTo", quietTo);
        values.put("timeZone", timeZone);
        return values;
    }

    /** The quiet hours, if the tenant has any (validated when published). */
    Optional<QuietHours> quietHours() {
        return QuietHours.of(quietFrom, quietTo, timeZone);
    }

    boolean sameSettingsAs(AlertSettings other) {
        return values().equals(other.values());
    }

    /** The format an alert is sent in, given whether a console link can be made. */
    String effectiveFormat(boolean consoleLinkAvailable) {
        return switch (format) {
            case "auto" -> consoleLinkAvailable ? "textcard" : "markdown";
            default -> format;
        };
    }

    /** The corporate tag that marks a customer with {@code intent}: the tenant's name for it, else its label. */
    String tagName(String intent, String label) {
        String name = tagNames.get(intent);
        return name != null && !name.isBlank() ? name : label;
    }
}
