package io.leadlistener.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writtenAlone = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> observedSizes = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCommit = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aLoneCallerCommitsItsOwnItemAtOnce() {
        GroupCommit<String, String> commit = new GroupCommit<>(recordBatch(item -> item.toUpperCase()),
                alone(item -> item), 10, observedSizes::add);

        assertThat(commit.write("a")).isEqualTo("A");
        assertThat(batches).containsExactly(List.of("a"));
        assertThat(observedSizes).containsExactly(1);
    }

    @Test
    void callersArrivingDuringACommitShareTheNextOneAndEachGetsItsOwnResult() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(holdingTheFirstCommit(
                items -> items.stream().map(item -> "stored " + item).toList()), alone(item -> item), 10,
                observedSizes::add);

        Future<String> first = writeFirstAndHoldItsCommit(commit);
        List<Future<String>> later = writeWhileHeld(commit, List.of("b", "c", "d"));
        releaseFirstCommit.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored first");
        assertThat(later.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("stored b");
        assertThat(later.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("stored c");
        assertThat(later.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("stored d");
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(observedSizes).containsExactly(1, 3);
    }

    @Test
    void aBatchNeverExceedsItsLimit() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(holdingTheFirstCommit(items -> items),
                alone(item -> item), 2, observedSizes::add);

        Future<String> first = writeFirstAndHoldItsCommit(commit);
        List<Future<String>> later = writeWhileHeld(commit, List.of("b", "c", "d", "e", "f"));
        releaseFirstCommit.countDown();

        for (Future<String> result : later) {
            result.get(5, TimeUnit.SECONDS);
        }
        first.get(5, TimeUnit.SECONDS);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(2));
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder("first", "b", "c", "d", "e", "f");
    }

    @Test
    void whenABatchFailsEachItemIsWrittenAloneSoOnlyTheBadOneFails() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(holdingTheFirstCommit(items -> {
            if (items.contains("bad")) {
                throw new IllegalStateException("batch rolled back");
            }
            return items;
        }), alone(item -> {
            if (item.equals("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return "alone " + item;
        }), 10, observedSizes::add);

        Future<String> first = writeFirstAndHoldItsCommit(commit);
        List<Future<String>> later = writeWhileHeld(commit, List.of("good", "bad"));
        Future<String> good = later.get(0);
        Future<String> bad = later.get(1);
        releaseFirstCommit.countDown();

        first.get(5, TimeUnit.SECONDS);
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("alone good");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad item");
        assertThat(writtenAlone).containsExactlyInAnyOrder("good", "bad");
    }

    @Test
    void aFailedSingleItemBatchFailsItsCallerWithTheBatchError() {
        GroupCommit<String, String> commit = new GroupCommit<>(items -> {
            throw new IllegalStateException("database down");
        }, alone(item -> item), 10, observedSizes::add);

        assertThatThrownBy(() -> commit.write("a")).isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(writtenAlone).isEmpty();
    }

    /** Records each batch; the batch holding "first" waits (holding the commit) until the test releases it. */
    private Function<List<String>, List<String>> holdingTheFirstCommit(Function<List<String>, List<String>> then) {
        return items -> {
            batches.add(List.copyOf(items));
            if (items.contains("first")) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
            return then.apply(items);
        };
    }

    private Future<String> writeFirstAndHoldItsCommit(GroupCommit<String, String> commit) throws InterruptedException {
        Future<String> first = callers.submit(() -> commit.write("first"));
        assertThat(firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** Writes from other callers while the first commit is held; returns once all of them are queued. */
    private List<Future<String>> writeWhileHeld(GroupCommit<String, String> commit, List<String> items)
            throws InterruptedException {
        List<Future<String>> writes = new ArrayList<>();
        for (String item : items) {
            writes.add(callers.submit(() -> commit.write(item)));
        }
        waitUntilQueued(commit, writes);
        return writes;
    }

    private Function<List<String>, List<String>> recordBatch(Function<String, String> each) {
        return items -> {
            batches.add(List.copyOf(items));
            return items.stream().map(each).toList();
        };
    }

    private Function<String, String> alone(Function<String, String> each) {
        return item -> {
            writtenAlone.add(item);
            return each.apply(item);
        };
    }

    /** The callers are blocked on the commit lock once their items are queued; none can be done before release. */
    private static void waitUntilQueued(GroupCommit<String, String> commit, List<Future<String>> callers)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commit.queuedCount() < callers.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.queuedCount()).isEqualTo(callers.size());
        assertThat(callers).noneMatch(Future::isDone);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
