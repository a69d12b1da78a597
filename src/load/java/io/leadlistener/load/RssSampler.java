package io.leadlistener.load;

import java.util.concurrent.atomic.AtomicLong;

/** Highest VmRSS of a child JVM, sampled once a second while a phase runs. */
final class RssSampler implements AutoCloseable {
    private final AtomicLong max = new AtomicLong(-1);
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(ChildJvm jvm) {
        thread = new Thread(() -> {
            while (running) {
                max.accumulateAndGet(jvm.rssKib(), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long max() {
        return max.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
