package io.leadlistener.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A tenant's quiet hours, e.g. 22:00–08:00 in Asia/Shanghai: alerts that fall inside wait for the end and go out as
 * one digest per recipient. A period may cross midnight; {@code from} equal to {@code to} is refused (it would mean
 * never or always).
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public QuietHours {
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must start and end at different times");
        }
    }

    /**
     * The quiet hours the settings describe, if any.
     *
     * @throws IllegalArgumentException when only one end is given, or a time or the zone does not parse
     */
    static Optional<QuietHours> of(String from, String to, String zone) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && !hasTo) {
            return Optional.empty();
        }
        if (hasFrom != hasTo) {
            throw new IllegalArgumentException("quietFrom and quietTo go together: give both, or neither");
        }
        try {
            return Optional.of(new QuietHours(LocalTime.parse(from, HH_MM), LocalTime.parse(to, HH_MM),
                    ZoneId.of(zone)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("quiet hours are times like 22:00 and 08:00, not '" + from + "'–'" + to
                    + "'");
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + zone + "' is not a time zone (e.g. Asia/Shanghai)");
        }
    }

    /** When the quiet period that {@code now} falls in ends; empty when {@code now} is not quiet. */
    Optional<Instant> endOf(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to) ? Optional.of(at(day, to)) : Optional.empty();
        }
        if (!time.isBefore(from)) {
            return Optional.of(at(day.plusDays(1), to));
        }
        return time.isBefore(to) ? Optional.of(at(day, to)) : Optional.empty();
    }

    /** The period as people read it, e.g. {@code 22:00–08:00}. */
    String label() {
        return HH_MM.format(from) + "–" + HH_MM.format(to);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
