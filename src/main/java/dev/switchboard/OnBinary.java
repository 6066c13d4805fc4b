package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives each binary message of a connection: whole, as a stream, or in fragments.
 *
 * <p>A non-null return value is sent back to the sender as a reply, after anything the handler itself
 * wrote.
 *
 * <p>A handler that takes a {@link java.io.InputStream} is called as a message's first part arrives, on a thread
 * of the server's own, and reads the rest as it comes, while the server holds a bounded part of it (a slow
 * reader holds the sender back), so that an upload of any size passes in bounded memory; the connection's next
 * message waits until it returned. If it returns before the end, the rest of the message is dropped. If the
 * connection ends first, reading throws an {@link java.io.IOException} saying so. A handler that takes a part
 * and a {@code boolean last} is called with each part as the host delivers it (hosts split and merge frames, so
 * parts need not be the sender's frames), {@code last} being {@code true} on the message's final part. Either
 * kind of message is limited by {@link Route#maxStreamBytes()}, not {@link Route#maxMessageBytes()}.
 *
 * <p>Contract, checked at compile time by the annotation processor, on a {@link Route} and a {@link WebSocketClient}
 * alike (where it says "route", read "client"):
 * <ul>
 *   <li>Message parameter: exactly one of: a {@code byte[]} or {@link java.nio.ByteBuffer}, the whole message;
 *       a parameter of any other type, which the route's {@link Codec} decodes the whole message into (generics
 *       included, no type variables; a message that does not decode goes to {@link OnError} as a
 *       {@link MessageDecodeException}; the route needs a codec: {@link Route#codec()} (a client's
 *       {@link WebSocketClient#codec()}), or Jackson or JSON-B on the compile class path); a {@link java.io.InputStream}, the message as it arrives; a {@code byte[]} or
 *       {@code ByteBuffer} part together with a {@code boolean} parameter, whether it is the last part. The
 *       {@code boolean} goes only with a part, once. A buffer is only valid during the call: copy what you
 *       keep.</li>
 *   <li>Also allowed, in any order: one {@link WebSocketSession} parameter, and any number of
 *       {@code String} parameters annotated {@link PathParam} naming variables of the route's template (a route's
 *       only: a client has no path, and refuses them).</li>
 *   <li>Return type: {@code void}, or the reply: a {@code String} is sent as text, a {@code byte[]} or
 *       {@link java.nio.ByteBuffer} as binary, any other object encoded by the route's codec (as binary), and a
 *       {@link java.util.concurrent.CompletionStage}'s value the same way once it completes; one that fails counts
 *       as a handler that threw. A return type that needs the codec needs one as a parameter does. Only
 *       {@code void} for a handler that takes parts.</li>
 *   <li>At most one handler of this kind per route or client, counting those it inherits from its superclasses (see
 *       {@link Route} on inherited handlers); it is neither {@code private} nor {@code static}, {@code public}
 *       if declared in a superclass of another package, and may throw any exception.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnBinary {
}
