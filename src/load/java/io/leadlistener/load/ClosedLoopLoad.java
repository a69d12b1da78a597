package io.leadlistener.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Saturation: {@code connections} clients, each sending its next callback as soon as the previous one is answered,
 * for a fixed time. What the server answers per second is its throughput at that concurrency; used for the
 * bare endpoint and the service alike, so the two are a ratio measured the same way in the same run.
 */
final class ClosedLoopLoad {

    private final CallbackTarget target;
    private final ArrivalWatcher watcher;
    private final CallbackFactory callbacks;

    ClosedLoopLoad(CallbackTarget target, ArrivalWatcher watcher, CallbackFactory callbacks) {
        this.target = target;
        this.watcher = watcher;
        this.callbacks = callbacks;
    }

    /**
     * @param presigned callbacks signed before the phase, taken first (so signing costs the generator nothing while it
     *                  is measured); once they are used up, each client signs its next one itself
     */
    void run(PhaseRecorder phase, int connections, Duration duration, PreparedRequest[] presigned)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int next = taken.getAndIncrement();
                    PreparedRequest callback = next < presigned.length ? presigned[next] : callbacks.next();
                    long start = System.nanoTime();
                    phase.sending(start);
                    if (watcher != null) {
                        watcher.expect(callback.key(), phase, start);
                    }
                    int status;
                    String failure = null;
                    try {
                        status = target.send(callback);
                    } catch (Exception e) {
                        status = 0;
                        failure = e.toString();
                    }
                    if (!phase.acked(start, System.nanoTime(), status, status == target.acceptedStatus, failure)
                            || watcher == null) {
                        phase.abandoned();
                        if (watcher != null) {
                            watcher.forget(callback.key());
                        }
                    }
                }
            }, "load-closed-" + c);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join(duration.toMillis() + 60_000);
        }
    }
}
