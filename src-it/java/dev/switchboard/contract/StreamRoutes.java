package dev.switchboard.contract;

import dev.switchboard.OnBinary;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Routes that take messages as streams and as fragments. Each records in {@link ServerSide} when a stream starts
 * ({@code stream:<name>:started}) and how it ended: {@code stream-read:<name>:<bytes>} or
 * {@code stream-failed:<name>:<the IOException's message>}.
 */
public final class StreamRoutes {

    private StreamRoutes() {
    }

    /**
     * Reads binary messages from an {@code InputStream} and text from a {@code Reader}, and replies with what it
     * read. Given the message's size in the {@code size} query parameter, it also measures how much the server's
     * heap grew between the start of a binary stream and its middle, each after a full collection, having stopped
     * reading for a moment at the middle: a consumer slower than the network, so that whatever buffers the rest of
     * the message without back-pressure shows.
     */
    @Route("/stream/read")
    public static class Read extends TrackedRoute {

        private static final long SLOW_READER_PAUSE_MILLIS = 1000;

        @OnBinary
        String data(InputStream data, WebSocketSession session) {
            ServerSide.record("stream", session, "started");
            String size = session.queryParam("size");
            long half = size == null ? Long.MAX_VALUE : Long.parseLong(size) / 2;
            long before = half == Long.MAX_VALUE ? 0 : heapAfterCollection();
            long growth = -1;
            boolean measured = false; // not growth < 0: the heap may well be smaller at the middle than at the start
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[64 * 1024];
            long bytes = 0;
            try {
                for (int n = data.read(buffer); n != -1; n = data.read(buffer)) {
                    crc.update(buffer, 0, n);
                    bytes += n;
                    if (!measured && bytes >= half) {
                        TimeUnit.MILLISECONDS.sleep(SLOW_READER_PAUSE_MILLIS);
                        growth = heapAfterCollection() - before;
                        measured = true;
                    }
                }
            } catch (IOException e) {
                ServerSide.record("stream-failed", session, e.getMessage());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            ServerSide.record("stream-read", session, bytes);
            return "bytes=" + bytes + " crc=" + crc.getValue() + " growth=" + growth + " thread="
                    + Thread.currentThread().getName();
        }

        @OnText
        String text(Reader text, WebSocketSession session) throws IOException {
            ServerSide.record("stream", session, "started");
            char[] buffer = new char[8192];
            long chars = 0;
            int hash = 0;
            for (int n = text.read(buffer); n != -1; n = text.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    hash = 31 * hash + buffer[i];
                }
                chars += n;
            }
            ServerSide.record("stream-read", session, chars);
            return "chars=" + chars + " hash=" + hash;
        }

        private static long heapAfterCollection() {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }

    /** Reads binary messages of at most 64 KiB from an {@code InputStream}. */
    @Route(value = "/stream/limited", maxStreamBytes = 64 * 1024)
    public static class Limited extends TrackedRoute {

        @OnBinary
        void data(InputStream data, WebSocketSession session) {
            ServerSide.record("stream", session, "started");
            try {
                ServerSide.record("stream-read", session, data.readAllBytes().length);
            } catch (IOException e) {
                ServerSide.record("stream-failed", session, e.getMessage());
            }
        }
    }

    /**
     * Takes messages in fragments, and replies to each message once its last part came: with what the parts made
     * together, then {@code |}, then each part's {@code last} flag as {@code f} or {@code t}.
     */
    @Route("/stream/fragments")
    public static class Fragments extends TrackedRoute {

        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final StringBuilder flags = new StringBuilder();

        @OnText
        void text(String part, boolean last, WebSocketSession session) {
            text.append(part);
            if (flag(last)) {
                session.writeText(text + "|" + flags);
                text.setLength(0);
                flags.setLength(0);
            }
        }

        @OnBinary
        void data(WebSocketSession session, ByteBuffer part, boolean last) {
            byte[] bytes = new byte[part.remaining()];
            part.get(bytes);
            data.writeBytes(bytes);
            if (flag(last)) {
                session.writeText(HexFormat.of().formatHex(data.toByteArray()) + "|" + flags);
                data.reset();
                flags.setLength(0);
            }
        }

        private boolean flag(boolean last) {
            flags.append(last ? 't' : 'f');
            return last;
        }
    }
}
