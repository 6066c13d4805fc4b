package dev.switchboard.processor;

import dev.switchboard.WebSocketClient;
import dev.switchboard.path.PathTemplate;
import dev.switchboard.processor.HandlerMethods.HandlerMethod;
import dev.switchboard.processor.RoutePlan.Arg;
import dev.switchboard.processor.RoutePlan.Handler;
import dev.switchboard.processor.RoutePlan.Reply;
import dev.switchboard.processor.RoutePlan.TypedArg;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of handler methods as a whole, as the Javadoc of each handler annotation states them, each next
 * to its message: where handlers may be, how many (a route's own and inherited ones together), their
 * modifiers and return types, and that typed messages have a codec. Parameters are {@link ParameterRules}' job.
 * Checking a handler also decides its call plan, so the adapter does no per-message thinking.
 */
final class HandlerRules {

    private final Types types;
    private final Problems problems;
    private final HandlerMethods handlerMethods;
    private final ParameterRules parameterRules;
    private final StreamRules streamRules;
    private final TypeMirror string;
    private final TypeMirror byteBuffer;
    private final TypeMirror completionStage;
    private final TypeMirror voidType;
    /** Whether a JSON library that Switchboard has a codec for is on the compile class path. */
    private final boolean jsonLibrary;

    HandlerRules(Elements elements, Types types, Problems problems) {
        this.types = types;
        this.problems = problems;
        this.handlerMethods = new HandlerMethods(elements, types);
        this.parameterRules = new ParameterRules(elements, types, problems);
        this.streamRules = new StreamRules(elements, types, problems);
        this.string = elements.getTypeElement(String.class.getName()).asType();
        this.byteBuffer = elements.getTypeElement(ByteBuffer.class.getName()).asType();
        this.completionStage = types.erasure(elements.getTypeElement(CompletionStage.class.getName()).asType());
        this.voidType = elements.getTypeElement(Void.class.getName()).asType();
        this.jsonLibrary = elements.getTypeElement("com.fasterxml.jackson.databind.ObjectMapper") != null
                || elements.getTypeElement("tools.jackson.databind.ObjectMapper") != null
                || elements.getTypeElement("jakarta.json.bind.Jsonb") != null;
    }

    /**
     * Checks every handler of a route or client class, inherited ones included, and returns their call plans in
     * {@link HandlerKind} order. Plans of broken handlers are left out; the class then has problems and gets
     * no adapter anyway.
     *
     * @param template the route's template, or {@code null} if it is invalid (path variables are then not
     *                 checked, since the template's own errors say what is wrong) or the class is a client
     * @param namesCodec whether the class names a codec of its own
     */
    List<Handler> check(EndpointKind endpoint, TypeElement route, PathTemplate template, boolean namesCodec) {
        Map<HandlerKind, HandlerMethod> firstOfKind = new EnumMap<>(HandlerKind.class);
        List<Handler> plans = new ArrayList<>();
        for (HandlerMethod handler : handlerMethods.of(endpoint, route)) {
            List<HandlerKind> kinds = handler.kinds();
            for (HandlerKind kind : kinds) {
                HandlerMethod first = firstOfKind.putIfAbsent(kind, handler);
                if (first != null) {
                    oneOfEachKind(kind, first, handler);
                }
            }
            callable(kinds.get(0), handler);
            if (kinds.size() > 1) {
                // No signature fits two kinds; checking it against each would only repeat this one mistake.
                oneAnnotationPerMethod(kinds, handler);
                continue;
            }
            Handler plan = signature(kinds.get(0), handler, template);
            if (plan != null) {
                plans.add(plan);
                if (!namesCodec && !jsonLibrary) {
                    codecFound(plan.kind(), handler, plan);
                }
            }
        }
        plans.sort(Comparator.comparing(Handler::kind));
        return plans;
    }

    /** Whether the route or a handler it has mentions a type javac has not resolved yet. */
    boolean hasUnresolvedTypes(TypeElement route) {
        return handlerMethods.hasUnresolvedTypes(route);
    }

    /**
     * A handler annotation on a method of a class that is neither a {@code @Route} or {@code @WebSocketClient} nor
     * meant as a superclass of one: nothing would ever call it.
     */
    void outsideRoute(HandlerKind kind, ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String name = Naming.displayName(owner);
        String rule = "handler must be declared in a @Route or @WebSocketClient class or a superclass of one";
        if (owner.getKind() == ElementKind.INTERFACE) {
            problems.method(kind.label(), rule, "the interface " + name, Naming.methodRef(method), method,
                    "move the method into a @Route or @WebSocketClient class or an abstract base class of them;"
                            + " routes and clients do not inherit handlers from interfaces");
            return;
        }
        problems.method(kind.label(), rule, "neither @Route nor @WebSocketClient on " + name
                        + ", and no such class extending it", Naming.methodRef(method), method,
                "annotate " + name + " with @Route(\"/path\") or @WebSocketClient, move the method into such a"
                        + " class, or declare " + name + " abstract to make it a base class of routes or clients");
    }

    /** {@code @PathParam} on a parameter of a method that is not a handler: it would never be bound. */
    void pathParamOutsideHandler(VariableElement parameter) {
        ExecutableElement method = (ExecutableElement) parameter.getEnclosingElement();
        // A client's handler would not take it either.
        boolean ofClient = method.getEnclosingElement().getAnnotation(WebSocketClient.class) != null;
        problems.method("@PathParam", "parameter must belong to a handler method",
                ParameterRules.pathParamText(parameter) + " on a method without a handler annotation",
                Naming.methodRef(method), parameter, ofClient ? "remove @PathParam; " + ParameterRules.NO_PATH
                        : "annotate the method as a handler, such as @OnText, or remove @PathParam");
    }

    private void oneOfEachKind(HandlerKind kind, HandlerMethod first, HandlerMethod handler) {
        ExecutableElement firstMethod = first.declaration();
        // Within one class the method name says enough; across classes the class is named too.
        String firstName = firstMethod.getEnclosingElement().equals(handler.declaration().getEnclosingElement())
                ? firstMethod.getSimpleName().toString() : Naming.methodRef(firstMethod);
        problems.method(kind.label(), "handler must be the only one of its kind in a " + handler.endpoint().noun(),
                "a second " + kind.label() + " method, after " + firstName, handler.where(handler.declaration()),
                handler.declaration(),
                "merge the two into " + firstName + ", or remove " + kind.label() + " from one of them");
    }

    private void oneAnnotationPerMethod(List<HandlerKind> kinds, HandlerMethod handler) {
        List<String> labels = kinds.stream().map(HandlerKind::label).collect(Collectors.toList());
        String found = String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
        problems.method(kinds.get(0).label(), "handler must carry no other handler annotation", found,
                handler.where(handler.declaration()), handler.declaration(),
                "keep one handler annotation per method and give each kind its own method");
    }

    /**
     * Checks that the adapter, a class of the route's package, can call the method its call runs: an
     * instance method it can access.
     */
    private void callable(HandlerKind kind, HandlerMethod handler) {
        ExecutableElement method = handler.called();
        Set<Modifier> modifiers = method.getModifiers();
        String routePackage = Naming.packageName(handler.route());
        String methodPackage = Naming.packageName((TypeElement) method.getEnclosingElement());
        if (!routePackage.equals(methodPackage) && !modifiers.contains(Modifier.PUBLIC)) {
            problems.method(kind.label(), "handler inherited from another package must be public",
                    "a " + Naming.access(modifiers) + " method", handler.where(method), method,
                    "make it public; the generated adapter, in " + Naming.packageText(routePackage) + ", can call no"
                            + " other method of a class in " + Naming.packageText(methodPackage));
        } else if (modifiers.contains(Modifier.PRIVATE)) {
            problems.method(kind.label(), "handler must not be private", "a private method", handler.where(method),
                    method, "remove 'private'; package-private, protected and public all work, since the generated"
                            + " adapter is in the same package");
        }
        if (modifiers.contains(Modifier.STATIC)) {
            problems.method(kind.label(), "handler must not be static", "a static method", handler.where(method),
                    method, "remove 'static'; handlers run on the " + handler.endpoint().noun()
                            + " instance of the connection");
        }
    }

    /** Checks return type and parameters; returns the call plan, or {@code null} if either is wrong. */
    private Handler signature(HandlerKind kind, HandlerMethod handler, PathTemplate template) {
        int before = problems.count();
        Reply reply = returnType(kind, handler);
        List<Arg> args = parameterRules.check(kind, handler, template);
        streamRules.checkReply(kind, handler, args, reply);
        return problems.count() == before
                ? new Handler(kind, handler.declaration().getSimpleName().toString(), args, reply) : null;
    }

    private Reply returnType(HandlerKind kind, HandlerMethod handler) {
        ExecutableElement method = handler.declaration();
        TypeMirror type = handler.type().getReturnType();
        if (type.getKind() == TypeKind.VOID) {
            return Reply.NONE;
        }
        if (kind.replies()) {
            return sentAsItIs(type) ? Reply.MESSAGE : Reply.ENCODED;
        }
        problems.method(kind.label(), "handler must return void", Naming.type(type), handler.where(method),
                method, kind == HandlerKind.DISCONNECTED
                        ? "declare it void; the session is closed by then"
                        : "declare it void, and send messages through a WebSocketSession parameter");
        return Reply.NONE;
    }

    /**
     * A typed message parameter or return value needs a codec: without one of the route's own, one of the JSON
     * libraries must be on the class path, or nothing could decode or encode it.
     */
    private void codecFound(HandlerKind kind, HandlerMethod handler, Handler plan) {
        ExecutableElement method = handler.declaration();
        for (int i = 0; i < plan.args().size(); i++) {
            if (plan.args().get(i) instanceof TypedArg) {
                VariableElement parameter = parameterOf(method, plan, i);
                noCodec(kind, handler, parameter, "the parameter " + Naming.parameter(handler.typeOf(parameter), parameter));
            }
        }
        if (plan.reply() == Reply.ENCODED) {
            noCodec(kind, handler, method, "the return type " + Naming.type(handler.type().getReturnType()));
        }
    }

    /** The parameter of an argument: arguments skip the parameters that JSR-356 annotations bind. */
    private static VariableElement parameterOf(ExecutableElement method, Handler plan, int argument) {
        List<? extends VariableElement> bound = method.getParameters().stream()
                .filter(p -> !JakartaAnnotations.hasPathParam(p)).toList();
        return bound.get(argument);
    }

    private void noCodec(HandlerKind kind, HandlerMethod handler, Element target, String what) {
        EndpointKind endpoint = handler.endpoint();
        problems.method(kind.label(), "handler's typed message needs a codec", what + ", on a " + endpoint.noun()
                        + " that names no codec, with neither Jackson nor JSON-B on the class path",
                handler.where(handler.declaration()), target,
                "add the dependency com.fasterxml.jackson.core:jackson-databind, or"
                        + " jakarta.json.bind:jakarta.json.bind-api with org.eclipse:yasson, or name a codec with "
                        + endpoint.label() + "(codec = MyCodec.class)");
    }

    /** Whether a return type is sent without a codec: a String, byte[] or ByteBuffer, or a stage of one or of Void. */
    private boolean sentAsItIs(TypeMirror type) {
        if (types.isSameType(type, string) || ParameterRules.isByteArray(type) || types.isSameType(type, byteBuffer)) {
            return true;
        }
        if (type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), completionStage)) {
            TypeMirror value = stageValue((DeclaredType) type);
            return value != null && (types.isSameType(value, voidType) || sentAsItIs(value));
        }
        return false;
    }

    /** The value type of a {@code CompletionStage<T>}, or {@code null} if it is not known. */
    private TypeMirror stageValue(DeclaredType type) {
        for (TypeMirror supertype = type; supertype != null; ) {
            if (types.isSameType(types.erasure(supertype), completionStage)) {
                List<? extends TypeMirror> arguments = ((DeclaredType) supertype).getTypeArguments();
                return arguments.isEmpty() || arguments.get(0).getKind() == TypeKind.WILDCARD ? null : arguments.get(0);
            }
            supertype = types.directSupertypes(supertype).stream()
                    .filter(t -> types.isAssignable(types.erasure(t), completionStage)).findFirst().orElse(null);
        }
        return null;
    }
}
