package io.leadlistener.stats;

/**
 * The capture-latency histogram: bucket {@code k} holds latencies in [2^(k/8), 2^((k+1)/8)) milliseconds (everything
 * under 1 ms in bucket 0), so a percentile read from it is at most 9 % above the true value. The relay computes the
 * bucket in SQL ({@link #SQL_BUCKET_OF_MILLIS}) as it marks events published.
 */
public final class CaptureLatencyBuckets {

    /** Buckets per doubling of the latency. */
    public static final int PER_OCTAVE = 8;

    /** The bucket of a latency in milliseconds given as the SQL expression {@code %s}. */
    public static final String SQL_BUCKET_OF_MILLIS = "floor(" + PER_OCTAVE + " * log(2.0, greatest(cast(%s as numeric), 1)))::int";

    private CaptureLatencyBuckets() {
    }

    public static int bucketOf(double millis) {
        return (int) Math.floor(PER_OCTAVE * (Math.log(Math.max(millis, 1)) / Math.log(2)));
    }

    /** The upper bound of a bucket in milliseconds: what a percentile falling in it is reported as. */
    public static double upperBoundMillis(int bucket) {
        return Math.pow(2, (bucket + 1) / (double) PER_OCTAVE);
    }
}
