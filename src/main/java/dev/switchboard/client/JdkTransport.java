package dev.switchboard.client;

import dev.switchboard.runtime.Transport;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A {@link Transport} over the JDK's {@link WebSocket}: the session's single writer starts each send after the
 * previous one completed, which is what the JDK client requires of text and binary sends.
 */
final class JdkTransport implements Transport {

    private final WebSocket socket;

    JdkTransport(WebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        report(socket.sendText(text, true), done);
    }

    @Override
    public void sendBinary(ByteBuffer data, Consumer<Throwable> done) {
        report(socket.sendBinary(data, true), done);
    }

    @Override
    public void sendTextPart(String part, boolean last, Consumer<Throwable> done) {
        report(socket.sendText(part, last), done);
    }

    @Override
    public void sendBinaryPart(ByteBuffer part, boolean last, Consumer<Throwable> done) {
        report(socket.sendBinary(part, last), done);
    }

    @Override
    public void sendPing(ByteBuffer payload, Consumer<Throwable> done) {
        report(socket.sendPing(payload), done);
    }

    @Override
    public void close(int code, String reason, Consumer<Throwable> done) {
        report(socket.sendClose(code, reason), done);
    }

    private static void report(CompletableFuture<WebSocket> send, Consumer<Throwable> done) {
        send.whenComplete((sent, failure) -> done.accept(
                failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure));
    }
}
