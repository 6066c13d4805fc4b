package dev.switchboard.processor;

import dev.switchboard.processor.HandlerMethods.HandlerMethod;
import dev.switchboard.processor.RoutePlan.Arg;
import dev.switchboard.processor.RoutePlan.LastArg;
import dev.switchboard.processor.RoutePlan.Reply;

import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of the two message forms besides whole messages, each next to its message: an {@code @OnText}
 * handler may read its message from a {@code java.io.Reader} and an {@code @OnBinary} one from a
 * {@code java.io.InputStream} as it arrives (a stream), or either may take a part and a {@code boolean last}
 * (fragments). The types are recognised explicitly, whatever other message types the handlers take.
 */
final class StreamRules {

    private final Types types;
    private final Problems problems;
    private final TypeMirror reader;
    private final TypeMirror inputStream;

    StreamRules(Elements elements, Types types, Problems problems) {
        this.types = types;
        this.problems = problems;
        this.reader = elements.getTypeElement(Reader.class.getName()).asType();
        this.inputStream = elements.getTypeElement(InputStream.class.getName()).asType();
    }

    /** Whether a parameter of this type receives the message of a handler of this kind as a stream. */
    boolean isStream(HandlerKind kind, TypeMirror type) {
        return switch (kind) {
            case TEXT -> types.isSameType(type, reader);
            case BINARY -> types.isSameType(type, inputStream);
            default -> false;
        };
    }

    /** Whether a parameter of this type tells a handler of this kind whether its part is the message's last. */
    boolean isLast(HandlerKind kind, TypeMirror type) {
        return (kind == HandlerKind.TEXT || kind == HandlerKind.BINARY) && type.getKind() == TypeKind.BOOLEAN;
    }

    /**
     * Reports the stream type of the other kind of message: a {@code Reader} on {@code @OnBinary}, an
     * {@code InputStream} on {@code @OnText}.
     *
     * @return whether the parameter was reported
     */
    boolean wrongStream(HandlerKind kind, HandlerMethod handler, VariableElement parameter) {
        TypeMirror type = handler.typeOf(parameter);
        boolean onText = kind == HandlerKind.TEXT && types.isSameType(type, inputStream);
        boolean onBinary = kind == HandlerKind.BINARY && types.isSameType(type, reader);
        if (!onText && !onBinary) {
            return false;
        }
        String name = parameter.getSimpleName().toString();
        problems.method(kind.label(), onText ? "handler reads its message from a Reader, not an InputStream"
                        : "handler reads its message from an InputStream, not a Reader",
                Naming.parameter(type, parameter), where(handler), parameter,
                onText ? "declare it as java.io.Reader " + name + " to read the text as it arrives, or take the"
                        + " message in an @OnBinary handler"
                        : "declare it as java.io.InputStream " + name + " to read the data as it arrives, or take"
                        + " the message in an @OnText handler");
        return true;
    }

    /**
     * Checks the {@code boolean last} parameters of a handler that has its message parameter: at most one, and only
     * next to a part (not a stream).
     *
     * @param message the message parameter
     * @param stream  whether it is a stream
     * @param lasts   the {@code boolean} parameters, in order
     */
    void checkLast(HandlerKind kind, HandlerMethod handler, VariableElement message, boolean stream,
            List<VariableElement> lasts) {
        if (lasts.isEmpty()) {
            return;
        }
        VariableElement last = lasts.get(0);
        if (stream) {
            String part = kind == HandlerKind.TEXT ? "String part" : "byte[] or ByteBuffer part";
            problems.method(kind.label(), "handler's boolean parameter goes only with a " + part,
                    parameter(handler, last) + " with " + parameter(handler, message), where(handler), last,
                    "remove it to read the whole message from the stream, or take a " + part + " and the boolean"
                            + " to receive the message's fragments one by one");
        }
        for (VariableElement again : lasts.subList(1, lasts.size())) {
            problems.method(kind.label(), "handler takes at most one boolean last parameter",
                    "a second one, " + parameter(handler, again) + ", after " + parameter(handler, last),
                    where(handler), again, "remove one of them");
        }
    }

    /** Checks that a handler that receives fragments returns nothing: a reply per fragment would mean nothing. */
    void checkReply(HandlerKind kind, HandlerMethod handler, List<Arg> args, Reply reply) {
        if (reply != Reply.NONE && args.stream().anyMatch(LastArg.class::isInstance)) {
            problems.method(kind.label(), "handler that takes fragments must return void",
                    Naming.type(handler.type().getReturnType()), where(handler), handler.declaration(),
                    "declare it void, and send a reply through a WebSocketSession parameter once the part with"
                            + " last == true came");
        }
    }

    private static String parameter(HandlerMethod handler, VariableElement parameter) {
        return Naming.parameter(handler.typeOf(parameter), parameter);
    }

    private static String where(HandlerMethod handler) {
        return handler.where(handler.declaration());
    }
}
