package dev.switchboard.bench.cases;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.switchboard.bench.load.Connections;
import dev.switchboard.bench.load.LatencyHistogram;
import dev.switchboard.bench.load.LoadEvents;
import dev.switchboard.bench.load.MeasuredWindow;
import dev.switchboard.bench.load.NioClient;
import dev.switchboard.bench.load.NioSocket;
import dev.switchboard.bench.load.PublishWindow;
import dev.switchboard.bench.load.RoomMember;
import dev.switchboard.bench.report.Round;
import dev.switchboard.bench.server.Target;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import static dev.switchboard.bench.load.Connections.awaitUnlessAllClosed;

/**
 * One round of broadcast load against one target: one publisher and many subscribers in one chat room. Opens
 * the subscribers, spread evenly over the target's nodes if it has several (a cluster), then the publisher, on the
 * first node, proves every subscriber is in the room with probe messages, publishes
 * through the warm-up and the measurement window, then lets the messages in flight arrive, checks that every
 * subscriber got every message, and closes every connection, all within fixed deadlines.
 *
 * <p>The publisher is a thread of its own: it takes a place in the {@link PublishWindow}, waits for its time if
 * a rate is set, stamps the message and sends it, waiting for the socket to take it. The window keeps the
 * measurement in the steady state: no subscriber ever has more than its size pending, far below Switchboard's
 * default outbound queue, whose overflow (a drop the server counts) makes the round invalid. The room's server
 * sends each message to the publisher as well; that copy is checked, but not counted as a delivery.
 */
final class BroadcastRun {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A window that stays full this long means the deliveries stopped. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    /** The room every round publishes in. */
    private static final String ROOM = "bench";

    /**
     * The load of a round.
     *
     * @param subscribers   subscribers in the room
     * @param window        messages published and not yet received by every subscriber, at most
     * @param rate          messages published per second, 0 for as fast as the window allows
     * @param messageSize   bytes per text
     * @param warmupMillis  warm-up, before measuring
     * @param measureMillis measurement window
     */
    record Load(int subscribers, int window, double rate, int messageSize, long warmupMillis, long measureMillis) {

        /** Files besides the sockets: class path jars, selectors, pipes, logs. */
        private static final int FILES_HEADROOM = 150;

        /** The load as the report's rows name it. */
        String describe() {
            return String.format(Locale.ROOT, "1 publisher, %,d subscribers, %,d B text, %d undelivered at most%s",
                    subscribers, messageSize, window, rate > 0 ? String.format(Locale.ROOT, ", %.0f msg/s", rate) : "");
        }

        /**
         * This load with no more subscribers than the open-files limit leaves room for. Each subscriber holds a
         * socket here and one in the server, which inherits this process's limit; a JVM cannot raise it, so the
         * benchmark measures fewer and says so, and the shell ({@code ulimit -n}) must raise it for more.
         */
        Load fittingOpenFiles() {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (!(os instanceof UnixOperatingSystemMXBean unix)) {
                return this;
            }
            long limit = unix.getMaxFileDescriptorCount();
            long open = unix.getOpenFileDescriptorCount();
            long fit = limit - Math.max(open, 0) - FILES_HEADROOM - 1; // the publisher's socket
            System.out.printf(Locale.ROOT, "Open-files limit %,d (%,d in use here); the server inherits it.%n",
                    limit, open);
            if (subscribers <= fit) {
                return this;
            }
            if (fit < 1) {
                throw new IllegalStateException("The open-files limit of " + limit + " leaves no room for sockets;"
                        + " raise it with ulimit -n");
            }
            System.out.printf(Locale.ROOT, "Note: %,d subscribers do not fit under it with %d files of headroom:"
                            + " measuring %,d. Raise it in the shell (ulimit -n) for more.%n", subscribers,
                    FILES_HEADROOM, fit);
            return new Load((int) fit, window, rate, messageSize, warmupMillis, measureMillis);
        }
    }

    /**
     * What a round measured.
     *
     * @param subscribers         subscribers in the room
     * @param deliveriesPerSecond messages received by subscribers per second of the measurement window
     * @param publishedPerSecond  messages published per second of the window
     * @param p50Micros           median delivery latency
     * @param p99Micros           99th percentile delivery latency
     * @param maxMicros           slowest delivery
     * @param minSecondRate       deliveries in the slowest whole second of the window: near zero means a stall
     * @param minSubscriberRate   deliveries per second of the slowest subscriber
     * @param serverMicrosPerMessage CPU time the server (every process of it) spent per published message, -1 if
     *                            unknown
     * @param lost                messages of the round that never reached a subscriber, counted after the load
     */
    record Figures(int subscribers, double deliveriesPerSecond, double publishedPerSecond, double p50Micros,
                   double p99Micros, double maxMicros, long minSecondRate, double minSubscriberRate,
                   double serverMicrosPerMessage, long lost) {

        Figures withLost(long count) {
            return new Figures(subscribers, deliveriesPerSecond, publishedPerSecond, p50Micros, p99Micros,
                    maxMicros, minSecondRate, minSubscriberRate, serverMicrosPerMessage, count);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f deliveries/s (%,.0f msg/s x %,d), p50 %,.0f us, p99 %,.0f us,"
                            + " max %,.0f us, slowest second %,d, slowest subscriber %,.0f msg/s, server CPU %,.0f us"
                            + "/msg, lost %,d", deliveriesPerSecond, publishedPerSecond, subscribers, p50Micros,
                    p99Micros, maxMicros, minSecondRate, minSubscriberRate, serverMicrosPerMessage, lost);
        }
    }

    private final Target target;
    private final NioClient client;
    private final Load load;
    private final LoadEvents events = new LoadEvents();
    /** Added to by the run and, if it stalls or fails, the publisher thread. */
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private volatile boolean stopping;
    /** The sequence number of the last message published, -1 before the first; written by the publisher. */
    private volatile long lastSent = -1;

    BroadcastRun(Target target, NioClient client, Load load) {
        this.target = target;
        this.client = client;
        this.load = load;
    }

    Round<Figures> run() {
        long droppedBefore = target.droppedMessages();
        List<URI> nodes = target.roomOnEveryNode(ROOM);
        List<RoomMember> subscribers = new ArrayList<>();
        List<RoomMember> all = new ArrayList<>();
        Round<Figures> measured;
        try {
            for (int node = 0; node < nodes.size(); node++) {
                List<RoomMember> asked = new ArrayList<>();
                // Subscribers 0 to n-1 in even blocks, one per node: node k gets [k*n/nodes, (k+1)*n/nodes).
                for (int i = node * load.subscribers() / nodes.size();
                     i < (node + 1) * load.subscribers() / nodes.size(); i++) {
                    asked.add(RoomMember.subscriber(i, load.messageSize(), events));
                }
                subscribers.addAll(Connections.open(client, nodes.get(node), asked, events, problems));
            }
            all.addAll(subscribers);
            RoomMember publisher = RoomMember.publisher(load.subscribers(), load.messageSize(), events);
            all.addAll(Connections.open(client, nodes.get(0), List.of(publisher), events, problems));
            // Sized to the subscribers that opened; those that did not already make the round invalid.
            PublishWindow window = new PublishWindow(load.window(), subscribers.size());
            subscribers.forEach(subscriber -> subscriber.accountIn(window));

            CompletableFuture<Void> allClosed = Connections.allClosed(all);
            probe(publisher.socket(), subscribers);
            Thread publishing = new Thread(() -> publish(publisher.socket(), window), "bench-publisher");
            publishing.setDaemon(true);
            publishing.start();
            try {
                awaitUnlessAllClosed(allClosed,
                        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(load.warmupMillis()));
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
        long dropped = droppedBefore < 0 ? -1 : target.droppedMessages() - droppedBefore;
        if (dropped > 0) {
            problems.add("the server dropped " + dropped + " messages (outbound queue full): not a steady state;"
                    + " use a smaller window or rate");
        }
        events.addProblems(problems, "messages missed (gaps and never delivered)");
        return new Round<>(measured.target(),
                measured.figures() == null ? null : measured.figures().withLost(events.lostCount()),
                measured.generator(), measured.server(), List.copyOf(problems));
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

    /**
     * The publisher thread: as fast as the window allows, or at the rate, until the run stops it. At a rate, a
     * message the window held up goes out as soon as it can, and the schedule goes on from then: the publisher does
     * not make up for the lost time with a burst, which would queue behind the window and measure that queue.
     */
    private void publish(NioSocket publisher, PublishWindow window) {
        long interval = load.rate() > 0 ? (long) (1e9 / load.rate()) : 0;
        long due = System.nanoTime();
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
                if (interval > 0) {
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
                long now = System.nanoTime();
                due = Math.max(due + interval, now);
                CompletableFuture<?> sent = publisher.sendText(RoomMember.message(seq, now, load.messageSize()));
                lastSent = seq++; // handed to the client: it goes out even if this thread is stopped now
                sent.get(SEND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            // Stopped while waiting for the window, the schedule or the send.
        } catch (ExecutionException | TimeoutException e) {
            events.error(load.subscribers(), e instanceof ExecutionException ? e.getCause() : e);
            problems.add("the publisher's send failed or hung; publishing stopped early");
        }
    }

    private Round<Figures> measure(List<RoomMember> subscribers, CompletableFuture<Void> allClosed) {
        long sentBefore = lastSent;
        MeasuredWindow window = MeasuredWindow.measure(subscribers, events, allClosed, target.host()::cpu,
                load.measureMillis());
        long sentInWindow = lastSent - sentBefore;
        if (allClosed.isDone()) {
            problems.add("every connection closed during the measurement");
        }
        LatencyHistogram deliveries = window.latencies();
        if (deliveries.count() == 0) {
            problems.add("no delivery at all during the measurement");
        }
        double serverCores = window.server().cores();
        double serverMicrosPerMessage = serverCores < 0 || sentInWindow <= 0 ? -1
                : serverCores * window.seconds() * 1e6 / sentInWindow;
        Figures figures = new Figures(subscribers.size(), window.perSecond(deliveries.count()),
                window.perSecond(sentInWindow), window.percentileMicros(50), window.percentileMicros(99),
                deliveries.maxNanos() / 1e3, window.slowestSecond(), window.perSecond(window.slowestConnection()),
                serverMicrosPerMessage, 0);
        return new Round<>(target.name(), figures, window.generator(), window.server(), List.of());
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
