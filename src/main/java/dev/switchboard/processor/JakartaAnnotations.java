package dev.switchboard.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Jakarta WebSocket's handler and parameter annotations on a route or client, each one wrong import away from
 * Switchboard's (Tyrus puts {@code jakarta.websocket} on the class path, and IDEs may offer it first). A route
 * never reads them: a method with {@code jakarta.websocket.OnError} would silently never run. Each is reported
 * with the Switchboard annotation to import instead. They are matched by name, so the processor does not need
 * {@code jakarta.websocket} itself.
 */
final class JakartaAnnotations {

    private static final String PATH_PARAM = "jakarta.websocket.server.PathParam";

    /** Each Jakarta annotation's name, to what to import instead. */
    private static final Map<String, String> REPLACEMENTS = Map.of(
            "jakarta.websocket.OnOpen", "dev.switchboard.OnConnected",
            "jakarta.websocket.OnClose", "dev.switchboard.OnDisconnected",
            "jakarta.websocket.OnMessage", "dev.switchboard.OnText, OnBinary or OnPong",
            "jakarta.websocket.OnError", "dev.switchboard.OnError",
            PATH_PARAM, "dev.switchboard.PathParam");

    private final Problems problems;

    JakartaAnnotations(Problems problems) {
        this.problems = problems;
    }

    /** Reports every Jakarta annotation on a method or parameter of the route or client class and its superclasses. */
    void check(EndpointKind kind, TypeElement route) {
        for (TypeElement type : HandlerMethods.classes(route)) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                report(kind, method, method, route, "");
                for (VariableElement parameter : method.getParameters()) {
                    report(kind, parameter, method, route, " on " + Naming.parameter(parameter.asType(), parameter));
                }
            }
        }
    }

    /**
     * Whether a parameter carries Jakarta's {@code @PathParam}: it is reported here, and the parameter rules
     * pass over it, since it is clearly meant as a path variable and not as the message.
     */
    static boolean hasPathParam(VariableElement parameter) {
        return parameter.getAnnotationMirrors().stream().anyMatch(mirror -> name(mirror).equals(PATH_PARAM));
    }

    private void report(EndpointKind kind, Element element, ExecutableElement method, TypeElement route, String on) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = name(mirror);
            String replacement = REPLACEMENTS.get(name);
            if (replacement != null) {
                // Switchboard's @PathParam would be refused on a client too: it has no path to take variables from.
                String fix = name.equals(PATH_PARAM) && !kind.hasPath() ? "remove it; " + ParameterRules.NO_PATH
                        : "import " + replacement + " instead of " + name
                                + (name.endsWith("OnMessage") ? ", whichever fits the message the method takes" : "");
                problems.method("@" + name, "annotation must not be used on a " + kind.noun(),
                        "Jakarta WebSocket's annotation, which Switchboard never reads," + on,
                        Naming.methodRef(method, route), element, fix);
            }
        }
    }

    private static String name(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
