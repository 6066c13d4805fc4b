package dev.switchboard.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the daemon threads of one of a server's pools, and waits for them to end when the server stops:
 * containers check an undeployed application's threads and report any still alive as a leak, and an
 * executor counts as terminated a moment before its last thread is gone.
 */
final class ServerThreads implements ThreadFactory {

    private final String name;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();

    /** @param name the threads' name, numbered from the second thread on */
    ServerThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        started.removeIf(thread -> !thread.isAlive());
        int number = count.incrementAndGet();
        Thread thread = new Thread(runnable, number == 1 ? name : name + "-" + number);
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    }

    /** Waits up to the timeout for every thread made here to end; call once their pool was shut down. */
    void awaitEnd(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        try {
            for (Thread thread : started) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                thread.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
