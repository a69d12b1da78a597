package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OutboxHintsTest {

    private final OutboxHints hints = new OutboxHints();

    @Test
    void hintsAreTakenOldestFirstAndAtMostAsManyAsAsked() {
        hints.committed(List.of(5L, 6L));
        hints.committed(List.of(9L));

        assertThat(hints.take(2)).extracting(OutboxHints.Hint::seq).containsExactly(5L, 6L);
        assertThat(hints.take(10)).extracting(OutboxHints.Hint::seq).containsExactly(9L);
        assertThat(hints.take(10)).isEmpty();
    }

    @Test
    void aRetriedHintCountsItsTries() {
        hints.committed(List.of(7L));
        OutboxHints.Hint first = hints.take(1).get(0);

        hints.retry(first);

        assertThat(first.tries()).isZero();
        assertThat(hints.take(1)).containsExactly(new OutboxHints.Hint(7L, 1));
    }

    @Test
    void beyondCapacityHintsAreDroppedAndTheDropIsReportedOnce() {
        hints.committed(LongStream.rangeClosed(1, OutboxHints.CAPACITY + 3).boxed().toList());

        assertThat(hints.takeDropped()).isEqualTo(3);
        assertThat(hints.takeDropped()).isZero();
        assertThat(hints.take(Integer.MAX_VALUE)).hasSize(OutboxHints.CAPACITY)
                .first().extracting(OutboxHints.Hint::seq).isEqualTo(1L);
        hints.committed(List.of(42L));
        assertThat(hints.take(5)).extracting(OutboxHints.Hint::seq).containsExactly(42L);
    }
}
