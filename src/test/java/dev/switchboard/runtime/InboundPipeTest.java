package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InboundPipeTest {

    @Test
    void aStreamReadsThePartsInOrderAndEndsAfterTheLast() throws IOException {
        InboundPipe<ByteBuffer> pipe = new InboundPipe<>(ByteBuffer::remaining);
        pipe.put(ByteBuffer.wrap(new byte[] {1, 2}), false);
        pipe.put(ByteBuffer.wrap(new byte[0]), false);
        pipe.put(ByteBuffer.wrap(new byte[] {3}), true);
        InputStream in = new PartsInputStream(pipe);
        assertEquals(1, in.read());
        assertArrayEquals(new byte[] {2, 3}, in.readAllBytes());
        assertEquals(-1, in.read());
    }

    @Test
    void aReaderReadsTheTextAcrossParts() throws IOException {
        InboundPipe<String> pipe = new InboundPipe<>(String::length);
        pipe.put("héllo ", false);
        pipe.put("", false);
        pipe.put("wörld", true);
        Reader reader = new PartsReader(pipe);
        char[] chars = new char[64];
        StringBuilder text = new StringBuilder();
        for (int n = reader.read(chars); n != -1; n = reader.read(chars)) {
            text.append(chars, 0, n);
        }
        assertEquals("héllo wörld", text.toString());
    }

    @Test
    void theDeliveringThreadWaitsWhileThePipeIsFull() throws Exception {
        InboundPipe<ByteBuffer> pipe = new InboundPipe<>(ByteBuffer::remaining, 4);
        pipe.put(ByteBuffer.wrap(new byte[4]), false);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> pipe.put(ByteBuffer.wrap(new byte[] {7}), true));
        await().during(200, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(() -> !second.isDone());
        InputStream in = new PartsInputStream(pipe);
        assertEquals(4, in.read(new byte[4]));
        second.get(10, TimeUnit.SECONDS);
        assertEquals(7, in.read());
        assertEquals(-1, in.read());
    }

    @Test
    void aFailureEndsTheStreamWithAnIOExceptionAfterWhatCameBefore() throws IOException {
        InboundPipe<ByteBuffer> pipe = new InboundPipe<>(ByteBuffer::remaining);
        pipe.put(ByteBuffer.wrap(new byte[] {5}), false);
        pipe.fail("the connection ended");
        pipe.put(ByteBuffer.wrap(new byte[] {6}), true); // dropped
        InputStream in = new PartsInputStream(pipe);
        assertEquals(5, in.read());
        IOException failure = assertThrows(IOException.class, in::read);
        assertEquals("the connection ended", failure.getMessage());
    }

    @Test
    void aFailureAfterTheLastPartChangesNothing() throws IOException {
        InboundPipe<String> pipe = new InboundPipe<>(String::length);
        pipe.put("all", true);
        pipe.fail("the connection ended");
        assertEquals("all", pipe.take());
        assertEquals(null, pipe.take());
    }

    @Test
    void aFailureWakesAWaitingReaderAndAWaitingDeliverer() throws Exception {
        InboundPipe<ByteBuffer> reading = new InboundPipe<>(ByteBuffer::remaining);
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            try {
                return reading.take();
            } catch (IOException e) {
                return e;
            }
        });
        InboundPipe<ByteBuffer> full = new InboundPipe<>(ByteBuffer::remaining, 1);
        full.put(ByteBuffer.wrap(new byte[1]), false);
        CompletableFuture<Void> delivering = CompletableFuture.runAsync(() -> full.put(ByteBuffer.wrap(new byte[1]), true));
        await().during(100, TimeUnit.MILLISECONDS).until(() -> !read.isDone() && !delivering.isDone());

        reading.fail("gone");
        full.fail("gone");
        assertEquals("gone", ((IOException) read.get(10, TimeUnit.SECONDS)).getMessage());
        delivering.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingTheStreamDropsTheRestAndReleasesTheDeliverer() throws Exception {
        InboundPipe<ByteBuffer> pipe = new InboundPipe<>(ByteBuffer::remaining, 1);
        pipe.put(ByteBuffer.wrap(new byte[1]), false);
        CompletableFuture<Void> delivering = CompletableFuture.runAsync(() -> pipe.put(ByteBuffer.wrap(new byte[1]), false));
        new PartsInputStream(pipe).close();
        delivering.get(10, TimeUnit.SECONDS);
        pipe.put(ByteBuffer.wrap(new byte[1 << 20]), true); // dropped at once, however large
        assertThrows(IOException.class, pipe::take);
    }

    @Test
    void anInterruptedDelivererFailsTheMessageAndStaysInterrupted() throws Exception {
        InboundPipe<ByteBuffer> pipe = new InboundPipe<>(ByteBuffer::remaining, 1);
        pipe.put(ByteBuffer.wrap(new byte[] {1}), false);
        boolean[] interrupted = new boolean[1];
        Thread deliverer = new Thread(() -> {
            pipe.put(ByteBuffer.wrap(new byte[] {2}), true);
            interrupted[0] = Thread.currentThread().isInterrupted();
        });
        deliverer.start();
        await().until(() -> deliverer.getState() == Thread.State.WAITING);
        deliverer.interrupt();
        deliverer.join(10_000);
        assertFalse(deliverer.isAlive());
        assertEquals(true, interrupted[0]);
        InputStream in = new PartsInputStream(pipe);
        assertEquals(1, in.read());
        assertThrows(IOException.class, in::read);
    }
}
