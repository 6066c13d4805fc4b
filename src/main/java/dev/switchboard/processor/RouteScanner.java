package dev.switchboard.processor;

import dev.switchboard.PathParam;
import dev.switchboard.Route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds what a round holds: the {@code @Route} classes, and the handler and {@code @PathParam} annotations
 * that sit where nothing will ever read them. Handlers of a superclass of routes are read through the
 * routes (see {@link HandlerMethods}).
 */
final class RouteScanner {

    /** A handler annotation on a method of a class that is neither a {@code @Route} nor a base class of one. */
    record StrayHandler(HandlerKind kind, ExecutableElement method) {
    }

    /**
     * What one round holds.
     *
     * @param routes           the {@code @Route} classes, in source order
     * @param strayHandlers    handler methods of classes that are neither routes nor base classes of routes
     * @param strayPathParams  {@code @PathParam} parameters of methods that are not handlers
     */
    record Scan(List<TypeElement> routes, List<StrayHandler> strayHandlers, List<VariableElement> strayPathParams) {
    }

    /** Qualified names of the superclasses of every route seen so far, in this round and earlier ones. */
    private final Set<String> routeBases = new HashSet<>();

    Scan scan(RoundEnvironment round) {
        List<TypeElement> routes = new ArrayList<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(Route.class)));
        routes.forEach(this::noteSuperclasses);

        // A method is reported once, under its first annotation, however many handler annotations it has.
        Set<ExecutableElement> seen = new LinkedHashSet<>();
        List<StrayHandler> strays = new ArrayList<>();
        for (HandlerKind kind : HandlerKind.values()) {
            for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(kind.annotation()))) {
                TypeElement owner = (TypeElement) method.getEnclosingElement();
                if (owner.getAnnotation(Route.class) == null && !isRouteBase(owner) && seen.add(method)) {
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
     * Whether a class is meant as a superclass of routes, so that its handlers are read through them: it is
     * abstract, or a {@code @Route} class of this compilation extends it. An interface is neither: routes do
     * not inherit handlers from interfaces.
     */
    private boolean isRouteBase(TypeElement type) {
        return type.getKind() == ElementKind.CLASS
                && (type.getModifiers().contains(Modifier.ABSTRACT)
                        || routeBases.contains(type.getQualifiedName().toString()));
    }

    /** Notes the superclasses of a route. By name: elements of one round need not be those of the next. */
    private void noteSuperclasses(TypeElement route) {
        HandlerMethods.classes(route).stream().skip(1)
                .forEach(type -> routeBases.add(type.getQualifiedName().toString()));
    }
}
