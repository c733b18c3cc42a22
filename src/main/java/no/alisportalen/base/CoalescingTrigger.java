package no.alisportalen.base;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on its own daemon thread when asked; requests made while a run is still queued fold into that run.
 * Writers use it to wake a background consumer at once without piling up work.
 */
public final class CoalescingTrigger {

    private final ExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Runnable task;

    public CoalescingTrigger(String threadName, Runnable task) {
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
        this.task = task;
    }

    public void request() {
        if (queued.compareAndSet(false, true)) {
            executor.submit(() -> {
                queued.set(false);
                task.run();
            });
        }
    }
}
