package io.leadlistener.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CaptureLatencyBucketsTest {

    @Test
    void eightBucketsPerDoublingEachAtMostNinePercentWide() {
        assertThat(CaptureLatencyBuckets.bucketOf(0.2)).isZero();
        assertThat(CaptureLatencyBuckets.bucketOf(1)).isZero();
        assertThat(CaptureLatencyBuckets.bucketOf(2)).isEqualTo(8);
        assertThat(CaptureLatencyBuckets.bucketOf(1024)).isEqualTo(80);
        for (double millis : new double[] {1.5, 7, 48, 90, 1_000, 60_000}) {
            int bucket = CaptureLatencyBuckets.bucketOf(millis);
            double upper = CaptureLatencyBuckets.upperBoundMillis(bucket);
            assertThat(upper).as("%s ms", millis).isGreaterThan(millis).isLessThanOrEqualTo(millis * 1.0906);
        }
        assertThat(CaptureLatencyBuckets.upperBoundMillis(79)).isCloseTo(1024, within(1e-9));
    }
}
