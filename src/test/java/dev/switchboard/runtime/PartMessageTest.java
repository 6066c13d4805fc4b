package dev.switchboard.runtime;

import dev.switchboard.OverflowAction;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages written in parts as entries of the outbound queue: their place in the order, their parts against the
 * limits, the writer's wait for room and its end. The transport completes sends on another thread, or holds
 * them until the test lets them go, as a client that stops reading does.
 */
class PartMessageTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HoldingTransport transport = new HoldingTransport();
    private final List<String> overflows = new CopyOnWriteArrayList<>();
    private final List<String> reportedSent = new CopyOnWriteArrayList<>();
    private final RouteEvents events = new RouteEvents() {
        @Override
        public void sent(boolean text, long bytes, long nanosSinceWrite) {
            reportedSent.add((text ? "text " : "binary ") + bytes);
        }
    };

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private OutboundQueue queue(long maxBytes, Duration sendTimeout) {
        return new OutboundQueue("s1", transport,
                new SendQueueLimits(100, maxBytes, OverflowAction.FAIL_SEND, sendTimeout),
                (count, how) -> overflows.add(count + " " + how), events);
    }

    private static PartMessage open(OutboundQueue queue, boolean text) {
        PartMessage message = new PartMessage(text, queue, () -> { });
        queue.offer(message);
        return message;
    }

    @Test
    void laterWritesGoOutAfterTheLastPart() throws IOException {
        OutboundQueue queue = queue(1 << 20, Duration.ofSeconds(10));
        queue.offer(Outbound.text("before"));
        Writer writer = new PartWriter(open(queue, true));
        CompletableFuture<Void> after = queue.offer(Outbound.text("after"));

        writer.write("ab");
        writer.flush();
        writer.write("cd");
        writer.close();
        writer.close();

        after.orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(List.of("before", "text part ab", "text part cd last", "after"), transport.sent);
        assertEquals(List.of("text 6", "text 4", "text 5"), reportedSent, "the message counted once, whole");
        assertEquals(0, queue.bufferedBytes());
        assertEquals(0, queue.queuedMessages());
    }

    @Test
    void twoMessagesOpenAtOnceGoOutOneAfterTheOther() throws Exception {
        OutboundQueue queue = queue(1 << 20, Duration.ofSeconds(10));
        PartMessage first = open(queue, false);
        PartMessage second = open(queue, false);
        try (OutputStream one = new PartStream(first); OutputStream two = new PartStream(second)) {
            two.write(new byte[3]);
            two.flush();
            one.write(new byte[1]);
            one.flush();
            two.write(new byte[4]);
            one.write(new byte[2]);
        }
        second.orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(List.of("binary part 1", "binary part 2 last", "binary part 3", "binary part 4 last"),
                transport.sent);
    }

    @Test
    void aPingGoesBetweenPartsWhileTheWriterIsQuiet() throws IOException {
        OutboundQueue queue = queue(1 << 20, Duration.ofSeconds(10));
        PartMessage message = open(queue, true);
        Writer writer = new PartWriter(message);
        writer.write("ab");
        writer.flush();
        await().until(() -> transport.sent.size() == 1 && queue.stalledNanos(System.nanoTime()) == 0);

        queue.offerControl(Outbound.ping(ByteBuffer.allocate(0)));
        await().until(() -> transport.sent.size() == 2);
        writer.close();

        message.orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(List.of("text part ab", "ping", "text part  last"), transport.sent);
        assertEquals(0, queue.queuedMessages());
    }

    @Test
    void theWriterWaitsForRoomWhileTheClientDoesNotRead() throws Exception {
        OutboundQueue queue = queue(10, Duration.ofSeconds(30));
        transport.hold = true;
        PartMessage message = open(queue, false);
        OutputStream stream = new PartStream(message);
        stream.write(new byte[8]);
        stream.flush(); // in flight, held
        await().until(() -> transport.sent.size() == 1);
        stream.write(new byte[8]);

        Future<?> waiting = threads.submit(() -> {
            stream.flush();
            return null;
        });
        await().during(Duration.ofMillis(200)).until(() -> !waiting.isDone());
        assertEquals(8, queue.bufferedBytes(), "the waiting part is not queued");

        transport.completeOne(null);
        waiting.get(10, TimeUnit.SECONDS);
        transport.hold = false;
        transport.completeOne(null);
        stream.close();
        message.orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(List.of("binary part 8", "binary part 8", "binary part 0 last"), transport.sent);
        assertTrue(overflows.isEmpty(), overflows::toString);
    }

    @Test
    void theWriterFailsAfterTheSendTimeoutAndCutsTheMessageShort() throws Exception {
        OutboundQueue queue = queue(10, Duration.ofMillis(300));
        transport.hold = true;
        PartMessage message = open(queue, true);
        Writer writer = new PartWriter(message);
        writer.write("12345678");
        writer.flush();
        await().until(() -> transport.sent.size() == 1);
        writer.write("12345678");

        long start = System.nanoTime();
        IOException failure = assertThrows(IOException.class, writer::flush);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300), "waited the send timeout");
        assertInstanceOf(SendOverflowException.class, failure.getCause());
        assertEquals(List.of("1 CUT_SHORT"), overflows);
        assertTrue(queue.bufferedBytes() <= 10, "never more than the limit: " + queue.bufferedBytes());

        IOException later = assertThrows(IOException.class, () -> writer.write("more"));
        assertInstanceOf(SendOverflowException.class, later.getCause());

        queue.close("slow consumer");
        transport.completeOne(new IOException("closed"));
        assertThrows(Exception.class, () -> message.orTimeout(10, TimeUnit.SECONDS).join());
        assertEquals(List.of("text part 12345678"), transport.sent);
        assertEquals(0, queue.bufferedBytes());
    }

    @Test
    void theSessionClosingWakesTheWaitingWriter() throws Exception {
        OutboundQueue queue = queue(10, Duration.ZERO);
        transport.hold = true;
        PartMessage message = open(queue, true);
        Writer writer = new PartWriter(message);
        writer.write("12345678");
        writer.flush();
        await().until(() -> transport.sent.size() == 1);
        writer.write("12345678");
        Future<?> waiting = threads.submit(() -> {
            writer.flush();
            return null;
        });
        await().during(Duration.ofMillis(100)).until(() -> !waiting.isDone());

        queue.close("the client left");

        Exception failure = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
        assertInstanceOf(SendOverflowException.class, failure.getCause().getCause());
        assertInstanceOf(SessionClosedException.class, failure.getCause().getCause().getCause());
        transport.completeOne(new IOException("closed"));
        assertThrows(Exception.class, () -> message.orTimeout(10, TimeUnit.SECONDS).join());
    }

    @Test
    void writesToAClosedSessionFail() {
        OutboundQueue queue = queue(1 << 20, Duration.ofSeconds(10));
        queue.close("closed by the server");
        Writer writer = new PartWriter(open(queue, true));

        IOException failure = assertThrows(IOException.class, () -> writer.write("x".repeat(PartWriter.PART_CHARS)));
        assertInstanceOf(SessionClosedException.class, failure.getCause());
        assertThrows(IOException.class, writer::close);
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void aThreadThatMayNotWaitQueuesPartsWhateverTheLimit() throws Exception {
        OutboundQueue queue = queue(10, Duration.ofMillis(100));
        transport.hold = true;
        transport.mayWait = false;
        PartMessage message = open(queue, false);
        try (OutputStream stream = new PartStream(message)) {
            for (int i = 0; i < 5; i++) {
                stream.write(new byte[8]);
                stream.flush();
            }
        }
        assertEquals(40, queue.bufferedBytes(), "queued beyond the limit rather than waiting");
        transport.hold = false;
        transport.completeOne(null);
        message.orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(6, transport.sent.size());
        assertEquals(0, queue.bufferedBytes());
    }

    @Test
    void aSurrogatePairIsNeverCutInTwo() throws IOException {
        OutboundQueue queue = queue(1 << 20, Duration.ofSeconds(10));
        PartMessage message = open(queue, true);
        Writer writer = new PartWriter(message);
        String text = "a".repeat(PartWriter.PART_CHARS - 1) + "\uD83D\uDE00" + "b";
        writer.write(text);
        writer.close();
        message.orTimeout(10, TimeUnit.SECONDS).join();

        assertEquals(2, transport.sent.size());
        assertEquals("text part " + text.substring(0, PartWriter.PART_CHARS - 1), transport.sent.get(0));
        assertEquals("text part \uD83D\uDE00b last", transport.sent.get(1));
        assertFalse(transport.sent.get(0).endsWith("\uD83D"));
    }

    /** Completes sends on another thread, or holds them until the test completes them. */
    private final class HoldingTransport implements Transport {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<Consumer<Throwable>> held = new LinkedBlockingQueue<>();
        volatile boolean hold;
        volatile boolean mayWait = true;

        private void send(String what, Consumer<Throwable> done) {
            sent.add(what);
            if (hold) {
                held.add(done);
            } else {
                threads.execute(() -> done.accept(null));
            }
        }

        /** Completes the oldest held send, waiting for it to be started. */
        void completeOne(Throwable failure) throws InterruptedException {
            Consumer<Throwable> done = held.poll(10, TimeUnit.SECONDS);
            if (done == null) {
                throw new AssertionError("no send was held");
            }
            threads.execute(() -> done.accept(failure));
        }

        @Override
        public boolean mayWait() {
            return mayWait;
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
            send("close " + code, done);
        }
    }
}
