package io.leadlistener.lead.view;

import static io.leadlistener.lead.view.LeadFilterTest.fields;
import static io.leadlistener.lead.view.LeadFilterTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadlistener.errors.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRequestTest {

    @Test
    void daysStartAtMidnightInTheZoneAndThePeriodIsRoundedOut() {
        StatsRequest request = StatsRequest.parse(query("from", "2026-12-01T10:00:00+08:00",
                "to", "2026-12-03T00:00:01+08:00", "zone", "Asia/Shanghai"));
        assertThat(request.bucket()).isEqualTo(StatsRequest.StatsBucketSize.DAY);
        assertThat(request.from()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
        assertThat(request.bucketStarts()).containsExactly(Instant.parse("2026-11-30T16:00:00Z"),
                Instant.parse("2026-12-01T16:00:00Z"), Instant.parse("2026-12-02T16:00:00Z"));
    }

    @Test
    void hoursAreUtcHoursAndAnAlignedPeriodStaysAsIs() {
        StatsRequest request = StatsRequest.parse(query("from", "2026-12-01T00:00:00Z",
                "to", "2026-12-01T03:00:00Z", "bucket", "hour"));
        assertThat(request.zone()).isEqualTo(ZoneId.of("Z"));
        assertThat(request.bucketStarts()).hasSize(3).first().isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
    }

    @Test
    void aDaylightSavingDayIsTwentyThreeOrTwentyFiveHours() {
        StatsRequest request = StatsRequest.parse(query("from", "2026-03-08T00:00:00-05:00",
                "to", "2026-03-10T00:00:00-04:00", "zone", "America/New_York"));
        List<Instant> starts = request.bucketStarts();
        assertThat(starts).containsExactly(Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(request.next(starts.get(0))).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    }

    @Test
    void ninetyTwoDaysIsTheLongestPeriod() {
        assertThat(StatsRequest.parse(query("from", "2026-01-01T00:00:00Z", "to", "2026-04-03T00:00:00Z"))
                .bucketStarts()).hasSize(92);
        assertRefused(query("from", "2026-01-01T00:00:00Z", "to", "2026-04-03T00:00:01Z"), "to", "at most 92 days");
    }

    @Test
    void eachBadParameterIsNamed() {
        assertRefused(query("to", "2026-12-01T00:00:00Z"), "from", "required");
        assertRefused(query("from", "2026-12-01T00:00:00Z"), "to", "required");
        assertRefused(query("from", "2026-12-01", "to", "2026-12-02T00:00:00Z"), "from", "RFC 3339");
        assertRefused(query("from", "2026-12-02T00:00:00Z", "to", "2026-12-01T00:00:00Z"), "to", "after from");
        assertRefused(query("from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00Z", "bucket", "week"),
                "bucket", "hour or day");
        assertRefused(query("from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00Z", "zone", "Mars/Base"),
                "zone", "not a time zone");
        assertRefused(query("from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00Z", "zone", "Asia/Kolkata"),
                "zone", "whole number of hours");
        assertRefused(query("from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00Z", "intent", "quote"),
                "intent", "unknown parameter");
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(java.util.Map<String, List<String>> query, String field, String detail) {
        assertThatThrownBy(() -> StatsRequest.parse(query)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(fields(e)).contains(field);
            assertThat(e.detail()).contains(detail);
        });
    }
}
