package dev.switchboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One open WebSocket connection, as handlers and other code see it.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread, at any time, also outside handlers. Writes never block and
 * never throw because another thread is writing: each session has one writer that drains a bounded
 * outbound queue, so messages written by one thread go out in the order that thread wrote them. A write
 * returns a {@link CompletionStage} that completes when the message has been handed to the socket, or fails
 * with {@link SessionClosedException} (the session is closing or closed) or {@link SendOverflowException}
 * (the queue limits of {@link SendQueueLimits} were reached). {@link #close()} is queued behind earlier
 * writes, so {@code writeText("bye")} then {@code close()} delivers the text first. Only the writers of
 * messages written in parts ({@link #openTextWriter()}, {@link #openDataStream()}) block, as the blocking I/O
 * they are, to wait for room in the queue.
 */
public interface WebSocketSession {

    /**
     * An identifier of this session: 22 URL-safe Base64 characters of 128 random bits, the same shape on every
     * host (not the container's own id), unique and unguessable.
     *
     * @return the session id
     */
    String id();

    /**
     * Queues a text message.
     *
     * @param text the message
     * @return completes when the message was handed to the socket
     */
    CompletionStage<Void> writeText(String text);

    /**
     * Queues a binary message. The array must not be changed until the returned stage completes.
     *
     * @param data the message
     * @return completes when the message was handed to the socket
     */
    CompletionStage<Void> writeData(byte[] data);

    /**
     * Queues a binary message: the buffer's remaining bytes. The buffer must not be changed until the
     * returned stage completes.
     *
     * @param data the message
     * @return completes when the message was handed to the socket
     */
    CompletionStage<Void> writeData(ByteBuffer data);

    /**
     * Queues an object, encoded by the route's {@link Codec}: a text message with a JSON codec, a binary one with a
     * codec that {@linkplain Codec#writesBinary() writes binary}.
     *
     * @param value the object, not {@code null}
     * @return completes when the message was handed to the socket
     * @throws IllegalArgumentException if the codec cannot encode the object
     * @throws IllegalStateException    if the route has no codec; the message names the libraries to add
     */
    CompletionStage<Void> writeObject(Object value);

    /**
     * Starts a text message written in parts, for a text too large to hold whole: each part is sent as one
     * fragment, when the writer's buffer of 16 Ki characters fills, on {@link Writer#flush() flush()}, and the
     * rest on {@link Writer#close() close()}, which ends the message. Closing is required, best with
     * try-with-resources; closing again does nothing.
     *
     * <p><b>Order.</b> The message takes its place among the session's writes when it is opened: whatever is
     * written to the session after that, by any thread ({@link #writeText}, {@link #writeData}, broadcasts,
     * other messages written in parts, {@link #close()}), goes out after its last part, and nothing but pings
     * goes between its parts. Two messages opened at once from two threads go out one after the other, whole.
     *
     * <p><b>Limits.</b> The message counts as one message against {@link SendQueueLimits}, and each part's
     * bytes against the byte limit until it is sent. Writing is blocking I/O: while a part does not fit, the
     * writing thread waits, at most the send timeout; then the write fails with an {@link IOException} whose
     * cause is a {@link SendOverflowException}, and the session closes as a slow consumer (1008, or 1013 with
     * {@link OverflowAction#CLOSE_TRY_AGAIN_LATER}), since what was sent of the message cannot be taken back.
     * On the standalone server's I/O threads, where handlers run unless it was built with blocking handlers,
     * a thread may not wait, since it writes its connections' frames itself: there the parts are queued whatever
     * the limit, so the handler never hangs. Write large messages to slow clients from other threads.
     *
     * <p><b>Failures.</b> Writing to a session that is closing or closed fails with an {@link IOException}
     * whose cause is a {@link SessionClosedException}; a message cut short by the session's end fails the same
     * way. Neither {@code flush()} nor {@code close()} waits for the client.
     *
     * @return the writer of the message, for one thread at a time
     */
    Writer openTextWriter();

    /**
     * Starts a binary message written in parts: each part is sent as one fragment, when the stream's buffer of
     * 32 KiB fills, on {@link OutputStream#flush() flush()}, and the rest on {@link OutputStream#close() close()},
     * which ends the message. Order, limits and failures are those of {@link #openTextWriter()}.
     *
     * @return the stream of the message, for one thread at a time
     */
    OutputStream openDataStream();

    /**
     * Queues a ping with an empty payload; the answer arrives at the route's {@link OnPong} handler.
     *
     * @return completes when the ping was handed to the socket
     */
    CompletionStage<Void> ping();

    /**
     * Queues a ping carrying up to 125 bytes of payload.
     *
     * @param payload the application data of the ping
     * @return completes when the ping was handed to the socket
     * @throws IllegalArgumentException if the payload is longer than 125 bytes
     */
    CompletionStage<Void> ping(ByteBuffer payload);

    /**
     * Closes the session with 1000 (Normal Closure) after everything already queued has been sent.
     */
    void close();

    /**
     * Closes the session with a code and reason after everything already queued has been sent. Later writes
     * fail with {@link SessionClosedException}; calls after the first close are ignored.
     *
     * @param code   a close code that may be sent on the wire (1000-1003, 1007-1014, or 3000-4999)
     * @param reason a reason of at most 123 UTF-8 bytes; {@code null} for none
     * @throws IllegalArgumentException if the code may not be sent or the reason is too long
     */
    void close(int code, String reason);

    /**
     * Whether messages can still be written: the session is open and no close was requested.
     *
     * @return {@code true} while the session is {@link SessionState#OPEN}
     */
    boolean isOpen();

    /**
     * Where this session is in its life, like the {@code readyState} of a browser WebSocket.
     *
     * @return the current state
     */
    SessionState state();

    /**
     * The peer's address as the server saw it, possibly unresolved; port {@code 0} when the host does not
     * report the port.
     *
     * @return the remote address
     */
    InetSocketAddress remoteAddress();

    /**
     * The value of a path template variable.
     *
     * @param name the variable name, without braces
     * @return the value, or {@code null} if the template has no such variable
     */
    String pathParam(String name);

    /**
     * All path template variables of this connection.
     *
     * @return an unmodifiable map from variable name to value
     */
    Map<String, String> pathParams();

    /**
     * The first value of a query parameter of the upgrade request, decoded.
     *
     * @param name the parameter name
     * @return the first value, or {@code null} if absent
     */
    String queryParam(String name);

    /**
     * All query parameters of the upgrade request, decoded, in request order.
     *
     * @return an unmodifiable map from name to values
     */
    Map<String, List<String>> queryParams();

    /**
     * The first value of a header of the upgrade request; the name is case-insensitive.
     *
     * @param name the header name
     * @return the first value, or {@code null} if absent
     */
    String header(String name);

    /**
     * All headers of the upgrade request, with case-insensitive names.
     *
     * @return an unmodifiable map from name to values
     */
    Map<String, List<String>> headers();

    /**
     * A mutable, thread-safe map for application data that lives as long as the session.
     * {@code null} keys and values are not allowed.
     *
     * @return the session's attributes
     */
    Map<String, Object> attributes();

    /**
     * The subprotocol agreed in the handshake.
     *
     * @return the subprotocol, or {@code null} if none was agreed
     */
    String subprotocol();

    /**
     * The URI of the upgrade request, with its query.
     *
     * @return the request URI
     */
    URI requestUri();

    /**
     * The authenticated user of the upgrade request, if the host authenticated one.
     *
     * @return the principal, or {@code null}
     */
    Principal principal();

    /**
     * The open sessions of this session's route, this one included: to broadcast to peers.
     *
     * @return a live view of the route's sessions
     */
    Sessions peers();

    /**
     * Puts this session in a named group of its route; it leaves every group when it disconnects.
     *
     * @param group the group name
     */
    void join(String group);

    /**
     * Takes this session out of a group.
     *
     * @param group the group name
     */
    void leave(String group);

    /**
     * The groups this session is in.
     *
     * @return a snapshot of the group names
     */
    Set<String> groups();

    /**
     * Messages to this session that its outbound queue limits kept from being sent (see {@link OverflowAction}).
     *
     * @return the number of dropped messages
     */
    long droppedMessages();

    /**
     * Bytes written but not yet handed to the socket: the size of the outbound queue.
     *
     * @return queued bytes
     */
    long bufferedAmount();
}
