package dev.switchboard.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;

/**
 * The client side of one benchmark connection, whichever client opened it: the JDK's {@link WebSocket}
 * ({@link Transport#jdk}) or the lean {@link NioClient}. Sends whole text messages and the close frame.
 */
interface BenchSocket {

    /**
     * Sends a whole text message.
     *
     * @return completes when the message was handed to the socket (the JDK client allows one send in progress)
     */
    CompletableFuture<?> sendText(String text);

    /** Sends a close frame; the connection's listener hears of the server's answer. */
    CompletableFuture<?> sendClose(int code, String reason);

    /** Drops the TCP connection without a closing handshake. */
    void abort();

    /** Whether a close frame was sent or the connection is gone. */
    boolean isOutputClosed();

    /** The JDK client's socket, seen as a {@link BenchSocket}. */
    static BenchSocket of(WebSocket socket) {
        return new BenchSocket() {
            @Override
            public CompletableFuture<?> sendText(String text) {
                return socket.sendText(text, true);
            }

            @Override
            public CompletableFuture<?> sendClose(int code, String reason) {
                return socket.sendClose(code, reason);
            }

            @Override
            public void abort() {
                socket.abort();
            }

            @Override
            public boolean isOutputClosed() {
                return socket.isOutputClosed();
            }
        };
    }
}
