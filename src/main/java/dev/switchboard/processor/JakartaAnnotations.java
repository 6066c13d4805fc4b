package dev.switchboard.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Jakarta WebSocket's handler and parameter annotations on a route, each one wrong import away from
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

    /** Reports every Jakarta annotation on a method or parameter of the route class and its superclasses. */
    void check(TypeElement route) {
        for (TypeElement type : HandlerMethods.classes(route)) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                report(method, method, route, "");
                for (VariableElement parameter : method.getParameters()) {
                    report(parameter, method, route, " on " + Naming.parameter(parameter.asType(), parameter));
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

    private void report(Element element, ExecutableElement method, TypeElement route, String on) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = name(mirror);
            String replacement = REPLACEMENTS.get(name);
            if (replacement != null) {
                problems.method("@" + name, "annotation must not be used on a route",
                        "Jakarta WebSocket's annotation, which Switchboard never reads," + on,
                        Naming.methodRef(method, route), element,
                        "import " + replacement + " instead of " + name
                                + (name.endsWith("OnMessage") ? ", whichever fits the message the method takes" : ""));
            }
        }
    }

    private static String name(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
