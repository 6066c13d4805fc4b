package dev.switchboard.runtime;

import dev.switchboard.OverflowAction;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's own rules, against a transport that completes sends later on another thread, as hosts do
 * under load. The integration tests cover the same over real sockets.
 */
class OutboundQueueTest {

    private final ExecutorService completer = Executors.newSingleThreadExecutor();
    private final RecordingTransport transport = new RecordingTransport();
    private final AtomicInteger overflows = new AtomicInteger();
    /** The messages the queue reported sent: kind and size. */
    private final List<String> reportedSent = new CopyOnWriteArrayList<>();
    private final RouteEvents events = new RouteEvents() {
        @Override
        public void sent(boolean text, long bytes, long nanosSinceWrite) {
            assertTrue(nanosSinceWrite >= 0, "a send takes no negative time");
            reportedSent.add((text ? "text " : "binary ") + bytes);
        }
    };

    @AfterEach
    void stop() {
        completer.shutdownNow();
    }

    private OutboundQueue queue(int maxMessages, long maxBytes) {
        return new OutboundQueue("s1", transport, new SendQueueLimits(maxMessages, maxBytes, OverflowAction.FAIL_SEND),
                (count, refused) -> overflows.addAndGet(count), events);
    }

    @Test
    void sendsOneAtATimeInOrder() {
        OutboundQueue queue = queue(1000, 1 << 20);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            writes.add(queue.offer(Outbound.text("m" + i)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();

        assertEquals(1, transport.maxInFlight.get(), "at most one send in flight");
        for (int i = 0; i < 500; i++) {
            assertEquals("m" + i, transport.sent.get(i));
        }
        assertEquals(0, queue.bufferedBytes());
    }

    @Test
    void refusesWritesBeyondTheLimitsButAlwaysTakesOneIntoAnEmptyQueue() {
        transport.holdSends = true;
        OutboundQueue queue = queue(2, 10);

        CompletableFuture<Void> big = queue.offer(Outbound.text("x".repeat(100)));
        CompletableFuture<Void> refused = queue.offer(Outbound.text("y"));

        assertFalse(big.isDone(), "the first message fits whatever its size");
        SendOverflowException overflow = (SendOverflowException) assertThrows(CompletionException.class,
                refused::join).getCause();
        assertTrue(overflow.getMessage().contains("limits 2 messages, 10 bytes"), overflow.getMessage());
        assertEquals(1, overflows.get());
        assertEquals(100, queue.bufferedBytes());
    }

    @Test
    void closeFailsWhatIsQueuedAndRefusesMore() {
        transport.holdSends = true;
        OutboundQueue queue = queue(10, 1 << 20);
        queue.offer(Outbound.text("in flight"));
        CompletableFuture<Void> queued = queue.offer(Outbound.binary(ByteBuffer.allocate(3)));

        queue.close("client went away");
        CompletableFuture<Void> late = queue.offer(Outbound.text("late"));

        for (CompletableFuture<Void> failed : List.of(queued, late)) {
            CompletionException e = assertThrows(CompletionException.class, failed::join);
            assertInstanceOf(SessionClosedException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("client went away"), e.getCause().getMessage());
        }
    }

    @Test
    void nothingIsWrittenAfterAClose() {
        OutboundQueue queue = queue(10, 1 << 20);
        queue.offer(Outbound.text("bye")).orTimeout(10, TimeUnit.SECONDS).join();
        queue.offer(Outbound.close(1000, "done")).orTimeout(10, TimeUnit.SECONDS).join();
        CompletableFuture<Void> after = queue.offer(Outbound.text("after"));

        assertInstanceOf(SessionClosedException.class,
                assertThrows(CompletionException.class, () -> after.orTimeout(10, TimeUnit.SECONDS).join()).getCause());
        assertEquals(List.of("bye", "close 1000 done"), transport.sent);
    }

    @Test
    void reportsEveryMessageHandedToTheSocketWithItsSizeButNoPingCloseOrRefusedWrite() {
        OutboundQueue queue = queue(1000, 1 << 20);
        queue.offer(Outbound.text("héllo")).orTimeout(10, TimeUnit.SECONDS).join();
        queue.offer(Outbound.binary(ByteBuffer.allocate(3))).orTimeout(10, TimeUnit.SECONDS).join();
        queue.offer(Outbound.shared(SharedMessage.text("to all"))).orTimeout(10, TimeUnit.SECONDS).join();
        queue.offerControl(Outbound.ping(ByteBuffer.allocate(1)));
        queue.offer(Outbound.close(1000, "done")).orTimeout(10, TimeUnit.SECONDS).join();
        CompletableFuture<Void> refused = queue.offer(Outbound.text("after the close"));

        assertThrows(CompletionException.class, () -> refused.orTimeout(10, TimeUnit.SECONDS).join());
        assertEquals(List.of("text 6", "binary 3", "text 6"), reportedSent);
    }

    @Test
    void tellsTheTransportBeforeEachSendWhetherAnotherEntryIsQueuedBehindIt() {
        transport.holdSends = true;
        OutboundQueue queue = queue(10, 1 << 20);
        CompletableFuture<Void> first = queue.offer(Outbound.text("alone"));
        CompletableFuture<Void> second = queue.offer(Outbound.text("queued 1"));
        CompletableFuture<Void> third = queue.offer(Outbound.text("queued 2"));
        transport.holdSends = false;

        transport.completeHeld();
        CompletableFuture.allOf(first, second, third).orTimeout(10, TimeUnit.SECONDS).join();

        assertEquals(List.of("alone", "queued 1", "queued 2"), transport.sent);
        assertEquals(List.of(false, true, false), transport.followed,
                "nothing behind the first when it started, one behind the second, none behind the last");
    }

    /** Completes each send later on another thread, unless told to hold them. */
    private final class RecordingTransport implements Transport {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        volatile boolean holdSends;
        /** What the queue said before each send: whether another entry was queued behind it. */
        final List<Boolean> followed = new CopyOnWriteArrayList<>();
        private final List<Consumer<Throwable>> held = new CopyOnWriteArrayList<>();

        @Override
        public void nextQueued(boolean queued) {
            followed.add(queued);
        }

        /** Completes the sends held so far, on the completing thread. */
        void completeHeld() {
            for (Consumer<Throwable> done : held) {
                held.remove(done);
                completer.execute(() -> {
                    inFlight.decrementAndGet();
                    done.accept(null);
                });
            }
        }

        private void send(String what, Consumer<Throwable> done) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sent.add(what);
            if (holdSends) {
                held.add(done);
            } else {
                completer.execute(() -> {
                    inFlight.decrementAndGet();
                    done.accept(null);
                });
            }
        }

        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            send(text, done);
        }

        @Override
        public void sendBinary(ByteBuffer data, Consumer<Throwable> done) {
            send("binary " + data.remaining(), done);
        }

        @Override
        public void sendTextPart(String part, boolean last, Consumer<Throwable> done) {
            send("text part " + part + (last ? " last" : ""), done);
        }

        @Override
        public void sendBinaryPart(ByteBuffer part, boolean last, Consumer<Throwable> done) {
            send("binary part " + part.remaining() + (last ? " last" : ""), done);
        }

        @Override
        public void sendPing(ByteBuffer payload, Consumer<Throwable> done) {
            send("ping", done);
        }

        @Override
        public void close(int code, String reason, Consumer<Throwable> done) {
            send("close " + code + " " + reason, done);
        }
    }
}
