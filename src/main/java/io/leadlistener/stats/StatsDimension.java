package io.leadlistener.stats;

/** How a counter splits its measure (V22); {@link #TOTAL} has the empty key. */
public enum StatsDimension {
    TOTAL(""),
    INTENT("intent"),
    POOL("pool"),
    CHANNEL("channel"),
    /** The rule keyword that matched (messages tagged only: the dashboard's top keywords). */
    KEYWORD("keyword"),
    /** The capture-latency histogram bucket index. */
    BUCKET("bucket");

    private final String column;

    StatsDimension(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static StatsDimension ofColumn(String column) {
        for (StatsDimension dimension : values()) {
            if (dimension.column.equals(column)) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("unknown stats dimension '" + column + "'");
    }
}
