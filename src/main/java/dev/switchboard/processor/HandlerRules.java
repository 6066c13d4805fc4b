package dev.switchboard.processor;

import dev.switchboard.processor.RoutePlan.Arg;
import dev.switchboard.processor.RoutePlan.Handler;
import dev.switchboard.processor.RoutePlan.Reply;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of handler methods as a whole, as the Javadoc of each handler annotation states them, each next
 * to its message: where handlers may be, how many, their modifiers and return types. Parameters are
 * {@link ParameterRules}' job. Checking a handler also decides its call plan, so the adapter does no
 * per-message thinking.
 */
final class HandlerRules {

    private final Types types;
    private final Problems problems;
    private final ParameterRules parameterRules;
    private final TypeMirror string;
    private final TypeMirror byteBuffer;

    HandlerRules(Elements elements, Types types, Problems problems) {
        this.types = types;
        this.problems = problems;
        this.parameterRules = new ParameterRules(elements, types, problems);
        this.string = elements.getTypeElement(String.class.getName()).asType();
        this.byteBuffer = elements.getTypeElement(ByteBuffer.class.getName()).asType();
    }

    /**
     * Checks every handler of a route class and returns their call plans in {@link HandlerKind} order.
     * Plans of broken handlers are left out; the route then has problems and gets no adapter anyway.
     *
     * @param template the route's template, or {@code null} if it is invalid (path variables are then not
     *                 checked, since the template's own errors say what is wrong)
     */
    List<Handler> check(TypeElement route, RouteTemplate template) {
        // Only methods declared in the route class itself are handlers. Methods inherited from a superclass
        // are not scanned, so that what a route does can be read off its own source; a superclass's handler
        // annotations are reported as stray unless it is a @Route itself.
        Map<HandlerKind, ExecutableElement> firstOfKind = new EnumMap<>(HandlerKind.class);
        List<Handler> plans = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(route.getEnclosedElements())) {
            List<HandlerKind> kinds = HandlerKind.on(method);
            if (kinds.isEmpty()) {
                continue;
            }
            for (HandlerKind kind : kinds) {
                ExecutableElement first = firstOfKind.putIfAbsent(kind, method);
                if (first != null) {
                    oneOfEachKind(kind, first, method);
                }
            }
            modifiers(kinds.get(0), method);
            if (kinds.size() > 1) {
                // No signature fits two kinds; checking it against each would only repeat this one mistake.
                oneAnnotationPerMethod(kinds, method);
                continue;
            }
            Handler plan = signature(kinds.get(0), method, template);
            if (plan != null) {
                plans.add(plan);
            }
        }
        plans.sort(Comparator.comparing(Handler::kind));
        return plans;
    }

    /** A handler annotation on a method of a class without {@code @Route}: nothing would ever call it. */
    void outsideRoute(HandlerKind kind, ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String name = Naming.displayName(owner);
        problems.method(kind.label(), "handler must be declared in a @Route class",
                "no @Route on " + name, method, method,
                "annotate " + name + " with @Route(\"/path\"), or move the method into a @Route class");
    }

    /** {@code @PathParam} on a parameter of a method that is not a handler: it would never be bound. */
    void pathParamOutsideHandler(VariableElement parameter) {
        ExecutableElement method = (ExecutableElement) parameter.getEnclosingElement();
        problems.method("@PathParam", "parameter must belong to a handler method",
                ParameterRules.pathParamText(parameter) + " on a method without a handler annotation", method, parameter,
                "annotate the method as a handler, such as @OnText, or remove @PathParam");
    }

    private void oneOfEachKind(HandlerKind kind, ExecutableElement first, ExecutableElement method) {
        problems.method(kind.label(), "handler must be the only one of its kind in a route",
                "a second " + kind.label() + " method, after " + first.getSimpleName(), method, method,
                "merge the two into " + first.getSimpleName() + ", or remove " + kind.label() + " from one of them");
    }

    private void oneAnnotationPerMethod(List<HandlerKind> kinds, ExecutableElement method) {
        List<String> labels = kinds.stream().map(HandlerKind::label).collect(Collectors.toList());
        String found = String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
        problems.method(kinds.get(0).label(), "handler must carry no other handler annotation", found, method,
                method, "keep one handler annotation per method and give each kind its own method");
    }

    private void modifiers(HandlerKind kind, ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problems.method(kind.label(), "handler must not be private", "a private method", method, method,
                    "remove 'private'; package-private, protected and public all work, since the generated"
                            + " adapter is in the same package");
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            problems.method(kind.label(), "handler must not be static", "a static method", method, method,
                    "remove 'static'; handlers run on the route instance of the connection");
        }
    }

    /** Checks return type and parameters; returns the call plan, or {@code null} if either is wrong. */
    private Handler signature(HandlerKind kind, ExecutableElement method, RouteTemplate template) {
        int before = problems.count();
        Reply reply = returnType(kind, method);
        List<Arg> args = parameterRules.check(kind, method, template);
        return problems.count() == before ? new Handler(kind, method.getSimpleName().toString(), args, reply) : null;
    }

    private Reply returnType(HandlerKind kind, ExecutableElement method) {
        TypeMirror type = method.getReturnType();
        if (type.getKind() == TypeKind.VOID) {
            return Reply.NONE;
        }
        if (kind.replies()) {
            if (types.isSameType(type, string)) {
                return Reply.TEXT;
            }
            if (ParameterRules.isByteArray(type)) {
                return Reply.BYTES;
            }
            if (types.isSameType(type, byteBuffer)) {
                return Reply.BUFFER;
            }
            problems.method(kind.label(), "handler must return void, String, byte[] or ByteBuffer",
                    Naming.type(type), method, method,
                    "return void, or the reply to send: a String as text, a byte[] or ByteBuffer as binary");
        } else {
            problems.method(kind.label(), "handler must return void", Naming.type(type), method, method,
                    kind == HandlerKind.DISCONNECTED
                            ? "declare it void; the session is closed by then"
                            : "declare it void, and send messages through a WebSocketSession parameter");
        }
        return Reply.NONE;
    }
}
