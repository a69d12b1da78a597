package io.leadlistener.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackgroundWorkersTest {

    @Test
    void aRoundUnderAQuarterOfTheBatchIsSmallEnoughToWaitForMore() {
        // worker: batch 20 → rounds of 0–4 rows linger, 5 or more go straight on
        assertTrue(BackgroundWorkers.roundWasSmall(0, 20));
        assertTrue(BackgroundWorkers.roundWasSmall(4, 20));
        assertFalse(BackgroundWorkers.roundWasSmall(5, 20));
        assertFalse(BackgroundWorkers.roundWasSmall(20, 20));
        // relay: batch 200 → up to 49 events
        assertTrue(BackgroundWorkers.roundWasSmall(49, 200));
        assertFalse(BackgroundWorkers.roundWasSmall(50, 200));
    }

    @Test
    void withTinyBatchesOnlyAnEmptyRoundWaits() {
        assertTrue(BackgroundWorkers.roundWasSmall(0, 1));
        assertFalse(BackgroundWorkers.roundWasSmall(1, 1));
        assertTrue(BackgroundWorkers.roundWasSmall(0, 3));
        assertFalse(BackgroundWorkers.roundWasSmall(1, 3));
    }
}
