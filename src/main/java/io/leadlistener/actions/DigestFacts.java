package io.leadlistener.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * What a quiet-hours digest says: every customer whose alert fell into the quiet period, each with its alert's facts
 * (folded when they wrote again), in the order they first wrote.
 *
 * @param period the quiet period as people read it, e.g. {@code 22:00–08:00}
 */
record DigestFacts(String period, List<AlertFacts> customers) {

    DigestFacts {
        customers = List.copyOf(customers);
    }

    /** This digest with one more alert: folded into the customer's entry, or a new entry. */
    DigestFacts add(AlertFacts alert) {
        List<AlertFacts> merged = new ArrayList<>(customers);
        for (int i = 0; i < merged.size(); i++) {
            if (merged.get(i).customer().equals(alert.customer())) {
                merged.set(i, merged.get(i).fold(alert));
                return new DigestFacts(period, merged);
            }
        }
        merged.add(alert);
        return new DigestFacts(period, merged);
    }
}
