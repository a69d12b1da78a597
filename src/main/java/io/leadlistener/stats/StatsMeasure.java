package io.leadlistener.stats;

/** What {@code lead_stats_hourly} counts (V22). */
public enum StatsMeasure {
    LEADS_CREATED("leads_created"),
    MESSAGES_TAGGED("messages_tagged"),
    ALERTS_SENT("alerts_sent"),
    /** Tagged messages per capture-latency bucket ({@link CaptureLatencyBuckets}). */
    CAPTURE_LATENCY("capture_latency");

    private final String column;

    StatsMeasure(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static StatsMeasure ofColumn(String column) {
        for (StatsMeasure measure : values()) {
            if (measure.column.equals(column)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("unknown stats measure '" + column + "'");
    }
}
