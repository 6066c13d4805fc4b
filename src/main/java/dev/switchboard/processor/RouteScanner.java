package dev.switchboard.processor;

import dev.switchboard.PathParam;
import dev.switchboard.Route;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds what a round holds: the {@code @Route} classes, and the handler and {@code @PathParam} annotations
 * that sit where nothing will ever read them.
 */
final class RouteScanner {

    /** A handler annotation on a method of a class without {@code @Route}. */
    record StrayHandler(HandlerKind kind, ExecutableElement method) {
    }

    /**
     * What one round holds.
     *
     * @param routes           the {@code @Route} classes, in source order
     * @param strayHandlers    handler methods of classes without {@code @Route}
     * @param strayPathParams  {@code @PathParam} parameters of methods that are not handlers
     */
    record Scan(List<TypeElement> routes, List<StrayHandler> strayHandlers, List<VariableElement> strayPathParams) {
    }

    Scan scan(RoundEnvironment round) {
        List<TypeElement> routes = new ArrayList<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(Route.class)));

        // A method is reported once, under its first annotation, however many handler annotations it has.
        Set<ExecutableElement> seen = new LinkedHashSet<>();
        List<StrayHandler> strays = new ArrayList<>();
        for (HandlerKind kind : HandlerKind.values()) {
            for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(kind.annotation()))) {
                if (method.getEnclosingElement().getAnnotation(Route.class) == null && seen.add(method)) {
                    strays.add(new StrayHandler(HandlerKind.on(method).get(0), method));
                }
            }
        }

        List<VariableElement> strayPathParams = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(PathParam.class)) {
            if (element instanceof VariableElement parameter
                    && parameter.getEnclosingElement() instanceof ExecutableElement method
                    && HandlerKind.on(method).isEmpty()) {
                strayPathParams.add(parameter);
            }
        }
        return new Scan(routes, strays, strayPathParams);
    }

    /**
     * Whether a handler of the route mentions a type javac could not resolve yet. Such a type may come
     * from another processor in a later round; if it never does, javac reports it itself, so checking the
     * route now would only add misleading "unsupported type" errors.
     */
    static boolean hasUnresolvedTypes(TypeElement route) {
        for (ExecutableElement method : ElementFilter.methodsIn(route.getEnclosedElements())) {
            if (HandlerKind.on(method).isEmpty()) {
                continue;
            }
            if (unresolved(method.getReturnType())) {
                return true;
            }
            for (VariableElement parameter : method.getParameters()) {
                if (unresolved(parameter.asType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return unresolved(array.getComponentType());
        }
        if (type instanceof DeclaredType declared) {
            return declared.getTypeArguments().stream().anyMatch(RouteScanner::unresolved);
        }
        return false;
    }
}
