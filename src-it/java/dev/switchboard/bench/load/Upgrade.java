package dev.switchboard.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The client's half of the WebSocket opening handshake (RFC 6455 section 4), for the raw-socket clients. */
public final class Upgrade {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String key;
    private final byte[] request;

    /** A handshake with a fresh random key for the URI's path and query. */
    Upgrade(URI uri) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        key = Base64.getEncoder().encodeToString(nonce);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] request() {
        return request;
    }

    /** Where the response head ends (after its blank line) in {@code bytes[0..length)}, or -1 if not yet. */
    static int headEnd(byte[] bytes, int length) {
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Checks a response head: status 101 and the {@code Sec-WebSocket-Accept} that answers this key.
     *
     * @throws IOException saying what was wrong, with the status line
     */
    void check(String head) throws IOException {
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + lines[0]);
        }
        String expected = accept(key);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")
                    && line.substring(colon + 1).trim().equals(expected)) {
                return;
            }
        }
        throw new IOException("handshake answered 101 without the right Sec-WebSocket-Accept");
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tries to upgrade a connection to the URI until it succeeds or the deadline passes, for a server that is
     * still starting: a refused connection or a failed handshake is retried after a millisecond.
     *
     * @return {@link System#nanoTime()} when the first 101 with the right accept value was read
     * @throws IOException the last failure, if the deadline passed
     */
    public static long firstSuccess(URI uri, long deadlineNanos) throws IOException {
        IOException last = new IOException("no attempt before the deadline");
        while (System.nanoTime() < deadlineNanos) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
                socket.setSoTimeout(5000);
                Upgrade upgrade = new Upgrade(uri);
                OutputStream out = socket.getOutputStream();
                out.write(upgrade.request());
                out.flush();
                upgrade.check(readHead(socket.getInputStream()));
                return System.nanoTime();
            } catch (ConnectException e) {
                last = e;
            } catch (IOException e) {
                last = e; // accepted before the WebSocket application was ready, perhaps
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        throw last;
    }

    private static String readHead(InputStream in) throws IOException {
        byte[] head = new byte[8192];
        int length = 0;
        while (length < head.length) {
            int read = in.read(head, length, head.length - length);
            if (read < 0) {
                throw new IOException("connection closed during the handshake");
            }
            length += read;
            int end = headEnd(head, length);
            if (end > 0) {
                return new String(head, 0, end, StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("response head over " + head.length + " bytes");
    }
}
