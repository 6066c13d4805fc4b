package dev.switchboard.processor;

import dev.switchboard.Route;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * What the adapter of one valid route or client does, decided once by the rules: which handlers to call, with which
 * arguments, and what to do with their return values. {@link AdapterWriter} only prints it.
 *
 * @param kind      whether the class is a route or a client
 * @param route     the {@code @Route} or {@code @WebSocketClient} class
 * @param settings  the route's {@code @Route} annotation, whose values the adapter writes as literals; for a client,
 *                  {@link #INHERITED}
 * @param handshake the route's handshake check class, or {@code null} if it names none (a client never does)
 * @param codec     the codec class the annotation names, or {@code null} if it names none
 * @param handlers  the handlers, in {@link HandlerKind} order
 */
record RoutePlan(EndpointKind kind, TypeElement route, Route settings, TypeElement handshake, TypeElement codec,
        List<Handler> handlers) {

    /**
     * The settings of a client, which declares none but its codec: {@code @Route}'s defaults, each of which means
     * "inherit" (for a client, the connector's setting). A proxy answers each attribute with its default, so the
     * two cannot drift apart; only the adapter writer reads it, and never {@code value()}, which has none.
     */
    static final Route INHERITED = (Route) Proxy.newProxyInstance(Route.class.getClassLoader(),
            new Class<?>[] {Route.class}, (proxy, method, args) -> method.getDefaultValue());

    /** What a handler's return value becomes. */
    enum Reply {
        /** Nothing: the handler is void. */
        NONE,
        /** A message: the value as it is, a String, byte[] or ByteBuffer, or a stage of one, once it is there. */
        MESSAGE,
        /** A message encoded by the route's codec, once it is there: the return type needs the codec. */
        ENCODED
    }

    /** One argument of a handler call. */
    sealed interface Arg {
    }

    /** The connection's {@code WebSocketSession}. */
    record SessionArg() implements Arg {
    }

    /**
     * The callback's message (text, data, pong payload, close status or error).
     *
     * @param asBytes whether a {@code ByteBuffer} is copied into the {@code byte[]} the handler declares
     */
    record MessageArg(boolean asBytes) implements Arg {
    }

    /**
     * The callback's message decoded by the route's codec into the type the handler takes.
     *
     * @param type the type as Java source, fully qualified, for the cast: {@code java.util.List<com.example.Message>}
     * @param token an expression of that type as a {@code java.lang.reflect.Type}: a class literal, or a
     *              {@code TypeOf} for a generic type
     */
    record TypedArg(String type, String token) implements Arg {
    }

    /** A path template variable, resolved once per connection. */
    record PathArg(String variable) implements Arg {
    }

    /** The message as a stream ({@code Reader}, {@code InputStream}) that delivers it as it arrives. */
    record StreamArg() implements Arg {
    }

    /** Whether the part that {@link MessageArg} passes is its message's last. */
    record LastArg() implements Arg {
    }

    /**
     * One handler call.
     *
     * @param kind   which callback it serves
     * @param method the method name
     * @param args   the arguments, in the method's parameter order
     * @param reply  what its return value becomes
     */
    record Handler(HandlerKind kind, String method, List<Arg> args, Reply reply) {
    }

    /** The path template as written; a client has none. */
    String path() {
        return kind.hasPath() ? settings.value() : "";
    }

    /** Whether the adapter can make instances itself, with the route's no-argument constructor. */
    boolean constructible() {
        ExecutableElement constructor = RouteRules.noArgumentConstructor(route);
        return constructor != null && !constructor.getModifiers().contains(Modifier.PRIVATE);
    }

    /** Whether one instance serves every connection. */
    boolean shared() {
        return settings.shared();
    }

    /** Whether a handler takes or returns a type that only the route's codec turns into a message or from one. */
    boolean usesCodec() {
        return handlers.stream().anyMatch(handler -> handler.reply() == Reply.ENCODED
                || handler.args().stream().anyMatch(TypedArg.class::isInstance));
    }

    boolean has(HandlerKind kind) {
        return handlers.stream().anyMatch(h -> h.kind() == kind);
    }

    /** The distinct path variables any handler reads, in order of first use. */
    List<String> pathVariables() {
        List<String> variables = new ArrayList<>();
        for (Handler handler : handlers) {
            for (Arg arg : handler.args()) {
                if (arg instanceof PathArg path && !variables.contains(path.variable())) {
                    variables.add(path.variable());
                }
            }
        }
        return variables;
    }
}
