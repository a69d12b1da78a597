package io.leadlistener.lead.view;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stats request asks for, rounded out to whole buckets: {@code from} down to the start of its bucket,
 * {@code to} up to the end of its bucket, days starting at midnight in {@code zone}.
 */
record StatsRequest(Instant from, Instant to, StatsBucketSize bucket, ZoneId zone) {

    static final Duration MAX_RANGE = Duration.ofDays(92);
    static final Set<String> PARAMETERS = Set.of("from", "to", "bucket", "zone");

    enum StatsBucketSize {
        HOUR, DAY;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @throws io.leadlistener.errors.InvalidInputException naming every wrong parameter */
    static StatsRequest parse(Map<String, List<String>> query) {
        QueryParameters parameters = new QueryParameters(query, PARAMETERS);
        Instant from = parameters.instant("from");
        Instant to = parameters.instant("to");
        if (from == null && !query.containsKey("from")) {
            parameters.error("from", "required: the start of the period, an RFC 3339 date-time");
        }
        if (to == null && !query.containsKey("to")) {
            parameters.error("to", "required: the end of the period (exclusive), an RFC 3339 date-time");
        }
        parameters.requireOrder("from", from, "to", to);
        if (from != null && to != null && Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            parameters.error("to", "the period is " + Duration.between(from, to).toHours() + " hours; at most "
                    + MAX_RANGE.toDays() + " days can be asked at once");
        }
        StatsBucketSize bucket = StatsBucketSize.DAY;
        String bucketText = parameters.text("bucket", 8);
        if (bucketText != null) {
            switch (bucketText) {
                case "hour" -> bucket = StatsBucketSize.HOUR;
                case "day" -> bucket = StatsBucketSize.DAY;
                default -> parameters.error("bucket", "must be hour or day, not '" + bucketText + "'");
            }
        }
        ZoneId zone = ZoneOffset.UTC;
        String zoneText = parameters.text("zone", 64);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                parameters.error("zone", "'" + zoneText + "' is not a time zone id such as Asia/Shanghai or UTC");
            }
        }
        if (parameters.hasErrors()) {
            parameters.throwIfInvalid();
        }
        if (!wholeHourOffsets(zone, from, to)) {
            parameters.error("zone", zone.getId() + " is not a whole number of hours from UTC in this period; "
                    + "the counters are kept per UTC hour, so days can only start on one");
            parameters.throwIfInvalid();
        }
        return new StatsRequest(floor(from, bucket, zone), ceil(to, bucket, zone), bucket, zone);
    }

    /** The bucket starts from {@code from} to {@code to}, each followed by its end. */
    List<Instant> bucketStarts() {
        List<Instant> starts = new java.util.ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }

    Instant next(Instant start) {
        return bucket == StatsBucketSize.HOUR ? start.plus(1, ChronoUnit.HOURS)
                : ZonedDateTime.ofInstant(start, zone).plusDays(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    private static Instant floor(Instant at, StatsBucketSize bucket, ZoneId zone) {
        ZonedDateTime local = ZonedDateTime.ofInstant(at, zone);
        return (bucket == StatsBucketSize.HOUR ? local.truncatedTo(ChronoUnit.HOURS)
                : local.truncatedTo(ChronoUnit.DAYS)).toInstant();
    }

    private static Instant ceil(Instant at, StatsBucketSize bucket, ZoneId zone) {
        Instant floor = floor(at, bucket, zone);
        if (floor.equals(at)) {
            return at;
        }
        ZonedDateTime local = ZonedDateTime.ofInstant(floor, zone);
        return (bucket == StatsBucketSize.HOUR ? local.plusHours(1) : local.plusDays(1).truncatedTo(ChronoUnit.DAYS))
                .toInstant();
    }

    /** Whether every offset the zone uses from a day before {@code from} to a day after {@code to} is whole hours. */
    private static boolean wholeHourOffsets(ZoneId zone, Instant from, Instant to) {
        for (Instant at = from.minus(1, ChronoUnit.DAYS); at.isBefore(to.plus(1, ChronoUnit.DAYS));
             at = at.plus(6, ChronoUnit.HOURS)) {
            if (zone.getRules().getOffset(at).getTotalSeconds() % 3600 != 0) {
                return false;
            }
        }
        return true;
    }
}
