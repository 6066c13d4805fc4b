package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives each whole binary message of a connection.
 *
 * <p>A non-null return value is sent back to the sender as a reply, after anything the handler itself
 * wrote.
 *
 * <p>Contract, checked at compile time by the annotation processor:
 * <ul>
 *   <li>Message parameter: exactly one {@code byte[]} or {@link java.nio.ByteBuffer}, the whole message. A
 *       buffer is only valid during the call: copy what you keep. Or exactly one parameter of any other type, which the
 *       route's {@link Codec} decodes the message into (generics included, no type variables); a message that does
 *       not decode goes to {@link OnError} as a {@link MessageDecodeException}. A route with such a parameter needs
 *       a codec: {@link Route#codec()}, or Jackson or JSON-B on the compile class path.</li>
 *   <li>Also allowed, in any order: one {@link WebSocketSession} parameter, and any number of
 *       {@code String} parameters annotated {@link PathParam} naming variables of the route's template.</li>
 *   <li>Return type: {@code void}, or the reply: a {@code String} is sent as text, a {@code byte[]} or
 *       {@link java.nio.ByteBuffer} as binary, any other object encoded by the route's codec (as binary), and a
 *       {@link java.util.concurrent.CompletionStage}'s value the same way once it completes; one that fails counts
 *       as a handler that threw. A return type that needs the codec needs one as a parameter does.</li>
 *   <li>At most one handler of this kind per route, counting those it inherits from its superclasses (see
 *       {@link Route} on inherited handlers); it is neither {@code private} nor {@code static}, {@code public}
 *       if declared in a superclass of another package, and may throw any exception.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnBinary {
}
