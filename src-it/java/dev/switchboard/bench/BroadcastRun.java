package dev.switchboard.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import static dev.switchboard.bench.Connections.awaitUnlessAllClosed;

/**
 * One round of the broadcast benchmark against one target: opens the subscribers, then the publisher,
 * proves every subscriber is in the room with probe messages, publishes through the warm-up and the
 * measurement window, then lets the messages in flight arrive, checks that every subscriber got every
 * message, and closes every connection, all within fixed deadlines.
 *
 * <p>The publisher is a thread of its own: it takes a place in the {@link PublishWindow}, waits for its
 * time if a rate is set, stamps the message and sends it, waiting for the socket to take it. The room's server sends each message to the publisher as well; that copy is
 * checked, but not counted as a delivery.
 */
final class BroadcastRun {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A window that stays full this long means the deliveries stopped. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String target;
    private final URI uri;
    private final NioClient client;
    private final BroadcastBenchmark.Settings settings;
    private final BenchHost server;
    private final boolean countsDrops;
    private final LoadEvents events = new LoadEvents();
    /** Added to by the run and, if it stalls or fails, the publisher thread. */
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private volatile boolean stopping;
    /** The sequence number of the last message published, -1 before the first; written by the publisher. */
    private volatile long lastSent = -1;

    BroadcastRun(String target, URI uri, boolean countsDrops, NioClient client, BroadcastBenchmark.Settings settings,
                 BenchHost server) {
        this.target = target;
        this.uri = uri;
        this.countsDrops = countsDrops;
        this.client = client;
        this.settings = settings;
        this.server = server;
    }

    BroadcastRound run() {
        long droppedBefore = countsDrops ? server.droppedMessages() : -1;
        List<RoomMember> subscribers = new ArrayList<>();
        List<RoomMember> all = new ArrayList<>();
        BroadcastRound measured;
        try {
            List<RoomMember> asked = new ArrayList<>();
            for (int i = 0; i < settings.subscribers(); i++) {
                asked.add(RoomMember.subscriber(i, settings.messageSize(), events));
            }
            subscribers.addAll(Connections.open(client, uri, asked, events, problems));
            all.addAll(subscribers);
            RoomMember publisher = RoomMember.publisher(settings.subscribers(), settings.messageSize(), events);
            all.addAll(Connections.open(client, uri, List.of(publisher), events, problems));
            // Sized to the subscribers that opened; those that did not already make the round invalid.
            PublishWindow window = new PublishWindow(settings.window(), subscribers.size());
            subscribers.forEach(subscriber -> subscriber.accountIn(window));

            CompletableFuture<Void> allClosed = Connections.allClosed(all);
            probe(publisher.socket(), subscribers);
            Thread publishing = new Thread(() -> publish(publisher.socket(), window), "bench-publisher");
            publishing.setDaemon(true);
            publishing.start();
            try {
                awaitUnlessAllClosed(allClosed,
                        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.warmupMillis()));
                measured = measure(subscribers, allClosed);
            } finally {
                stopping = true;
                publishing.interrupt();
                join(publishing);
            }
            drain(window);
            long last = lastSent;
            for (RoomMember member : all) {
                member.checkReceivedUpTo(last);
            }
        } finally {
            // Also after a failure: no connection of this round may load the next one.
            Connections.closeAll(all, problems);
        }
        long dropped = countsDrops ? server.droppedMessages() - droppedBefore : -1;
        if (dropped > 0) {
            problems.add("the server dropped " + dropped + " messages (outbound queue full): not a steady state;"
                    + " use a smaller window or rate");
        }
        events.addProblems(problems, "messages missed (gaps and never delivered)");
        return new BroadcastRound(target, subscribers.size(), measured.deliveriesPerSecond(),
                measured.publishedPerSecond(), measured.p50Micros(), measured.p99Micros(), measured.maxMicros(),
                measured.minSecondRate(), measured.minSubscriberRate(), events.lost(), events.outOfOrder(),
                dropped, measured.generator(), measured.server(), List.copyOf(problems));
    }

    /** Publishes probes until every subscriber got one: then the server has every one of them in the room. */
    private void probe(NioSocket publisher, List<RoomMember> subscribers) {
        CompletableFuture<Void> allProbed = CompletableFuture.allOf(
                subscribers.stream().map(RoomMember::probed).toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        try {
            while (!allProbed.isDone() && System.nanoTime() < deadline) {
                publisher.sendText("P").get(SEND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
                try {
                    allProbed.get(PROBE_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Probe again: a subscriber may not have been in the room yet.
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            problems.add("the publisher could not send a probe: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing", e);
        }
        long unprobed = subscribers.stream().filter(s -> !s.probed().isDone()).count();
        if (unprobed > 0) {
            problems.add(unprobed + " subscribers got no probe within " + PROBE_TIMEOUT.toSeconds()
                    + " s: not in the room");
        }
    }

    /** The publisher thread: as fast as the window allows, or at the rate, until the run stops it. */
    private void publish(NioSocket publisher, PublishWindow window) {
        long start = System.nanoTime();
        long seq = 0;
        try {
            while (!stopping) {
                if (!window.acquire(STALL_TIMEOUT.toNanos())) {
                    if (!stopping) {
                        events.problem("publisher: the window stayed full for " + STALL_TIMEOUT.toSeconds()
                                + " s: message " + (seq - window.outstanding()) + " never reached every subscriber");
                        problems.add("delivery stalled; publishing stopped early");
                    }
                    return;
                }
                if (settings.rate() > 0) {
                    long due = start + (long) (seq * 1e9 / settings.rate());
                    for (long wait; (wait = due - System.nanoTime()) > 0 && !stopping; ) {
                        LockSupport.parkNanos(wait);
                        if (Thread.interrupted()) {
                            window.giveBack();
                            return;
                        }
                    }
                }
                if (stopping) {
                    window.giveBack();
                    return;
                }
                CompletableFuture<?> sent = publisher.sendText(
                        RoomMember.message(seq, System.nanoTime(), settings.messageSize()));
                lastSent = seq++; // handed to the client: it goes out even if this thread is stopped now
                sent.get(SEND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            // Stopped while waiting for the window, the schedule or the send.
        } catch (ExecutionException | TimeoutException e) {
            events.error(settings.subscribers(), e instanceof ExecutionException ? e.getCause() : e);
            problems.add("the publisher's send failed or hung; publishing stopped early");
        }
    }

    private BroadcastRound measure(List<RoomMember> subscribers, CompletableFuture<Void> allClosed) {
        CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
        CpuMeter.Snapshot serverCpu = server.cpu();
        for (RoomMember subscriber : subscribers) {
            subscriber.beginMeasurement();
        }
        long start = System.nanoTime();
        long sentAtStart = lastSent;
        long end = start + TimeUnit.MILLISECONDS.toNanos(settings.measureMillis());

        // Whole seconds of the window, sampled to reveal stalls that the averages would hide.
        long minSecondRate = Long.MAX_VALUE;
        long sampleStart = start;
        long atSample = events.receivedCount();
        while (sampleStart + SAMPLE_NANOS <= end && !allClosed.isDone()) {
            awaitUnlessAllClosed(allClosed, sampleStart + SAMPLE_NANOS);
            long now = events.receivedCount();
            minSecondRate = Math.min(minSecondRate, now - atSample);
            atSample = now;
            sampleStart += SAMPLE_NANOS;
        }
        awaitUnlessAllClosed(allClosed, end);

        LatencyHistogram merged = new LatencyHistogram();
        long slowest = Long.MAX_VALUE;
        for (RoomMember subscriber : subscribers) {
            Measurement measurement = subscriber.endMeasurement();
            merged.add(measurement.histogram());
            slowest = Math.min(slowest, measurement.messages());
        }
        long sentInWindow = lastSent - sentAtStart;
        long elapsed = System.nanoTime() - start;
        CpuMeter.Usage generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
        CpuMeter.Usage serverUse = serverCpu.until(server.cpu(), elapsed);

        if (allClosed.isDone()) {
            problems.add("every connection closed during the measurement");
        }
        if (merged.count() == 0) {
            problems.add("no delivery at all during the measurement");
        }
        double seconds = elapsed / 1e9;
        return new BroadcastRound(target, subscribers.size(), merged.count() / seconds, sentInWindow / seconds,
                merged.percentileNanos(50) / 1e3, merged.percentileNanos(99) / 1e3, merged.maxNanos() / 1e3,
                minSecondRate == Long.MAX_VALUE ? merged.count() : minSecondRate, slowest / seconds,
                0, 0, -1, generator, serverUse, List.of());
    }

    /**
     * Lets the messages in flight arrive, so what is counted as never delivered really was: waits as long as
     * deliveries go on (a large window can take a while), until {@link #STALL_TIMEOUT} passes without one or
     * {@link #DRAIN_LIMIT} in all.
     */
    private void drain(PublishWindow window) {
        long start = System.nanoTime();
        long lastProgress = start;
        long delivered = events.receivedCount();
        while (window.outstanding() > 0) {
            long now = System.nanoTime();
            if (now - lastProgress > STALL_TIMEOUT.toNanos() || now - start > DRAIN_LIMIT.toNanos()) {
                problems.add(window.outstanding() + " messages had not reached every subscriber "
                        + Math.round((now - start) / 1e9) + " s after publishing stopped, the last delivery "
                        + Math.round((now - lastProgress) / 1e9) + " s before");
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            long nowDelivered = events.receivedCount();
            if (nowDelivered != delivered) {
                delivered = nowDelivered;
                lastProgress = System.nanoTime();
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(SEND_TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
