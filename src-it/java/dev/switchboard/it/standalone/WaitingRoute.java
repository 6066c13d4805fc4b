package dev.switchboard.it.standalone;

import dev.switchboard.OnText;
import dev.switchboard.Route;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route whose handler blocks on "wait" until the test releases it, as one waiting for a database does; it
 * echoes anything else.
 */
@Route("/waiting")
public class WaitingRoute {

    static final AtomicInteger WAITING = new AtomicInteger();
    private static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        WAITING.set(0);
        release = new CountDownLatch(1);
    }

    static void release() {
        release.countDown();
    }

    @OnText
    String said(String text) throws InterruptedException {
        if (!text.equals("wait")) {
            return text;
        }
        WAITING.incrementAndGet();
        return release.await(30, TimeUnit.SECONDS) ? "waited" : "not released";
    }
}
