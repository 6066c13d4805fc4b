package dev.switchboard.processor;

import dev.switchboard.CloseStatus;
import dev.switchboard.PathParam;
import dev.switchboard.WebSocketSession;
import dev.switchboard.path.PathTemplate;
import dev.switchboard.processor.HandlerMethods.HandlerMethod;
import dev.switchboard.processor.RoutePlan.Arg;
import dev.switchboard.processor.RoutePlan.LastArg;
import dev.switchboard.processor.RoutePlan.MessageArg;
import dev.switchboard.processor.RoutePlan.PathArg;
import dev.switchboard.processor.RoutePlan.SessionArg;
import dev.switchboard.processor.RoutePlan.TypedArg;
import dev.switchboard.processor.RoutePlan.StreamArg;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of handler parameters, each next to its message: every parameter is the connection's
 * {@code WebSocketSession} (at most one), a {@code String} bound with {@code @PathParam} to a variable of the
 * template (a route's only: a client has no path), or the message of the handler's kind (exactly one, at most one, or none, by kind). The message of an
 * {@code @OnText} or {@code @OnBinary} handler may have any type: one other than the message as it comes
 * ({@code String}, {@code byte[]}, {@code ByteBuffer}) is decoded by the route's codec.
 */
final class ParameterRules {

    /** Why a client's handlers take no {@code @PathParam}, and what to do instead: the end of each such fix. */
    static final String NO_PATH = "a client has no path, so read the server's URI from session.requestUri() instead";

    private final Types types;
    private final Problems problems;
    private final TypeMirror string;
    private final TypeMirror byteBuffer;
    private final TypeMirror session;
    private final TypeMirror closeStatus;
    private final TypeMirror throwable;
    private final StreamRules streams;

    ParameterRules(Elements elements, Types types, Problems problems) {
        this.types = types;
        this.problems = problems;
        this.string = elements.getTypeElement(String.class.getName()).asType();
        this.byteBuffer = elements.getTypeElement(ByteBuffer.class.getName()).asType();
        this.session = elements.getTypeElement(WebSocketSession.class.getName()).asType();
        this.closeStatus = elements.getTypeElement(CloseStatus.class.getName()).asType();
        this.throwable = elements.getTypeElement(Throwable.class.getName()).asType();
        this.streams = new StreamRules(elements, types, problems);
    }

    /**
     * Checks the parameters of a handler and returns its arguments, in parameter order.
     *
     * @param template the route's template, or {@code null} if it is invalid
     */
    List<Arg> check(HandlerKind kind, HandlerMethod handler, PathTemplate template) {
        List<Arg> args = new ArrayList<>();
        VariableElement firstSession = null;
        VariableElement firstMessage = null;
        List<VariableElement> lasts = new ArrayList<>();
        for (VariableElement parameter : handler.declaration().getParameters()) {
            if (JakartaAnnotations.hasPathParam(parameter)) {
                continue;
            }
            TypeMirror type = handler.typeOf(parameter);
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            if (pathParam != null && !handler.endpoint().hasPath()) {
                problems.method(kind.label(), "handler of a client takes no @PathParam parameter",
                        pathParamText(parameter, type), where(handler), parameter, "remove the parameter; " + NO_PATH);
            } else if (pathParam != null) {
                pathParam(kind, handler, parameter, pathParam.value(), template);
                args.add(new PathArg(pathParam.value()));
            } else if (types.isSameType(type, session)) {
                if (firstSession != null) {
                    problems.method(kind.label(), "handler takes at most one WebSocketSession parameter",
                            "a second one, " + parameter(handler, parameter) + ",", where(handler), parameter,
                            "remove it; both would receive the same session");
                }
                firstSession = parameter;
                args.add(new SessionArg());
            } else if (streams.isStream(kind, type)) {
                if (firstMessage != null) {
                    twoMessages(kind, handler, firstMessage, parameter);
                }
                firstMessage = parameter;
                args.add(new StreamArg());
            } else if (streams.isLast(kind, type)) {
                lasts.add(parameter);
                args.add(new LastArg());
            } else if (streams.wrongStream(kind, handler, parameter)) {
                firstMessage = firstMessage == null ? parameter : firstMessage; // meant as the message
            } else if (isMessage(kind, type) || kind.replies()) {
                if (firstMessage != null) {
                    twoMessages(kind, handler, firstMessage, parameter);
                }
                firstMessage = parameter;
                args.add(isMessage(kind, type) ? new MessageArg(isByteArray(type)) : typed(kind, handler, parameter));
            } else if (kind == HandlerKind.ERROR && types.isAssignable(type, throwable)) {
                problems.method(kind.label(), "handler's error parameter must be declared Throwable",
                        parameter(handler, parameter), where(handler), parameter,
                        "declare it as Throwable " + parameter.getSimpleName() + "; the handler receives every"
                                + " failure, also Errors and checked exceptions, so test the type with instanceof");
                // It is meant as the error parameter: count it as one, so "needs the error" does not repeat this.
                firstMessage = firstMessage == null ? parameter : firstMessage;
            } else {
                unsupported(kind, handler, parameter);
            }
        }
        if (firstMessage == null) {
            missingMessage(kind, handler);
        } else {
            streams.checkLast(kind, handler, firstMessage, args.stream().anyMatch(StreamArg.class::isInstance), lasts);
        }
        return args;
    }

    /** A message parameter of another type than the message as it comes, which the route's codec decodes into. */
    private TypedArg typed(HandlerKind kind, HandlerMethod handler, VariableElement parameter) {
        TypeMirror type = handler.typeOf(parameter);
        if (hasTypeVariable(type)) {
            problems.method(kind.label(), "handler's message type must be fully known at compile time",
                    parameter(handler, parameter) + ", whose type has a type variable", where(handler), parameter,
                    "declare the type the codec decodes into, such as List<Message> rather than List<T>; a "
                            + handler.endpoint().noun() + " that extends a generic class can bind its type variables in"
                            + " its extends clause");
        }
        String source = type.toString();
        boolean generic = !types.isSameType(type, types.erasure(type));
        String token = generic ? "new dev.switchboard.binding.TypeOf<" + source + ">() { }.type()"
                : types.erasure(type) + ".class";
        return new TypedArg(source, token);
    }

    private static boolean hasTypeVariable(TypeMirror type) {
        return switch (type.getKind()) {
            case TYPEVAR, INTERSECTION, UNION -> true;
            case ARRAY -> hasTypeVariable(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(ParameterRules::hasTypeVariable);
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield wildcard.getExtendsBound() != null && hasTypeVariable(wildcard.getExtendsBound())
                        || wildcard.getSuperBound() != null && hasTypeVariable(wildcard.getSuperBound());
            }
            default -> false;
        };
    }

    private void pathParam(HandlerKind kind, HandlerMethod handler, VariableElement parameter, String name,
            PathTemplate template) {
        if (!types.isSameType(handler.typeOf(parameter), string)) {
            problems.method(kind.label(), "handler's @PathParam parameter must be a String",
                    pathParamText(parameter, handler.typeOf(parameter)), where(handler), parameter,
                    "declare it as String " + parameter.getSimpleName() + " and convert the value in the method");
        }
        if (template != null && !template.variables().contains(name)) {
            String quoted = PathTemplate.quote(template.path());
            problems.method(kind.label(), "handler's @PathParam must name a variable of the route's template",
                    pathParamText(parameter, handler.typeOf(parameter)), where(handler), parameter,
                    template.variables().isEmpty()
                            ? quoted + " has no variables; add {" + name + "} to the @Route path, or remove the parameter"
                            : "name one of the variables of " + quoted + ": " + String.join(", ", template.variables()));
        }
    }

    private void twoMessages(HandlerKind kind, HandlerMethod handler, VariableElement first,
            VariableElement second) {
        String rule = switch (kind) {
            case TEXT, BINARY -> "handler takes exactly one message parameter";
            case PONG -> "handler takes at most one ByteBuffer payload parameter";
            case DISCONNECTED -> "handler takes at most one CloseStatus parameter";
            case ERROR -> "handler takes exactly one Throwable parameter";
            case CONNECTED -> throw new AssertionError("@OnConnected has no message parameter");
        };
        problems.method(kind.label(), rule,
                "a second one, " + parameter(handler, second) + ", after " + parameter(handler, first), where(handler),
                second,
                kind.replies() && handler.endpoint().hasPath()
                        ? "remove one; to receive a path variable, annotate a String with @PathParam(\"name\")"
                        : "remove one of them");
    }

    private void unsupported(HandlerKind kind, HandlerMethod handler, VariableElement parameter) {
        boolean path = handler.endpoint().hasPath();
        String session = path ? "a WebSocketSession and String parameters annotated @PathParam" : "a WebSocketSession";
        String allowed = switch (kind) {
            case CONNECTED -> session;
            case TEXT, BINARY -> throw new AssertionError("any type is a message of " + kind.label());
            case PONG -> "an optional ByteBuffer payload" + (path ? ", " : " and ") + session;
            case DISCONNECTED -> "an optional CloseStatus" + (path ? ", " : " and ") + session;
            case ERROR -> "the Throwable" + (path ? ", " : " and ") + session;
        };
        boolean pathVariableLike = path && types.isSameType(handler.typeOf(parameter), string);
        problems.method(kind.label(), "handler parameter has an unsupported type", parameter(handler, parameter),
                where(handler), parameter,
                (pathVariableLike ? "annotate it with @PathParam(\"name\") to receive a path variable, or remove it"
                        : "remove it") + "; a " + kind.label() + " handler " + (path ? "" : "of a client ")
                        + "takes only " + allowed);
    }

    private void missingMessage(HandlerKind kind, HandlerMethod handler) {
        ExecutableElement method = handler.declaration();
        switch (kind) {
            case TEXT -> problems.method(kind.label(), "handler needs the message as one parameter",
                    "no message parameter", where(handler), method, "add a String parameter for the message text, a"
                            + " parameter of the type the " + handler.endpoint().noun() + "'s codec decodes it into,"
                            + " such as a record, a"
                            + " java.io.Reader to read it as it arrives, or a String part with a boolean last");
            case BINARY -> problems.method(kind.label(), "handler needs the message as one parameter",
                    "no message parameter", where(handler), method, "add a byte[] or java.nio.ByteBuffer parameter"
                            + " for the message data, one of the type the " + handler.endpoint().noun() + "'s codec"
                            + " decodes it into, a"
                            + " java.io.InputStream to read it as it arrives, or a part with a boolean last");
            case ERROR -> problems.method(kind.label(), "handler needs the error as one Throwable parameter",
                    "no Throwable parameter", where(handler), method, "add a Throwable parameter for the error");
            default -> {
                // The message parameter of the other kinds is optional (@OnPong, @OnDisconnected) or absent.
            }
        }
    }

    /** Whether a parameter of this type receives the message of a handler of this kind. */
    private boolean isMessage(HandlerKind kind, TypeMirror type) {
        return switch (kind) {
            case CONNECTED -> false;
            case TEXT -> types.isSameType(type, string);
            case BINARY -> isByteArray(type) || types.isSameType(type, byteBuffer);
            case PONG -> types.isSameType(type, byteBuffer);
            case DISCONNECTED -> types.isSameType(type, closeStatus);
            case ERROR -> types.isSameType(type, throwable);
        };
    }

    static boolean isByteArray(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
    }

    /** A {@code @PathParam} parameter as written: {@code @PathParam("room") String room}. */
    static String pathParamText(VariableElement parameter) {
        return pathParamText(parameter, parameter.asType());
    }

    private static String pathParamText(VariableElement parameter, TypeMirror type) {
        String name = parameter.getAnnotation(PathParam.class).value();
        return "@PathParam(\"" + name + "\") " + Naming.parameter(type, parameter);
    }

    /** A parameter with its type as a member of the route: {@code String text}, also for a {@code T text}. */
    private static String parameter(HandlerMethod handler, VariableElement parameter) {
        return Naming.parameter(handler.typeOf(parameter), parameter);
    }

    private static String where(HandlerMethod handler) {
        return handler.where(handler.declaration());
    }
}
