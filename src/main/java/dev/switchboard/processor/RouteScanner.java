package dev.switchboard.processor;

import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.WebSocketClient;

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
 * Finds what a round holds: the {@code @Route} and {@code @WebSocketClient} classes, and the handler and
 * {@code @PathParam} annotations that sit where nothing will ever read them. Handlers of a superclass of routes or
 * clients are read through them (see {@link HandlerMethods}).
 */
final class RouteScanner {

    /** A handler annotation on a method of a class that is neither a route or client nor a base class of one. */
    record StrayHandler(HandlerKind kind, ExecutableElement method) {
    }

    /**
     * What one round holds.
     *
     * @param endpoints        the {@code @Route} classes in source order, then the {@code @WebSocketClient} classes
     *                         that are not routes too
     * @param strayHandlers    handler methods of classes that are neither routes, clients nor base classes of them
     * @param strayPathParams  {@code @PathParam} parameters of methods that are not handlers
     */
    record Scan(List<TypeElement> endpoints, List<StrayHandler> strayHandlers, List<VariableElement> strayPathParams) {
    }

    /** Qualified names of the superclasses of every route and client seen so far, in this round and earlier ones. */
    private final Set<String> endpointBases = new HashSet<>();

    Scan scan(RoundEnvironment round) {
        Set<TypeElement> endpoints = new LinkedHashSet<>();
        endpoints.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(Route.class)));
        endpoints.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(WebSocketClient.class)));
        endpoints.forEach(this::noteSuperclasses);

        // A method is reported once, under its first annotation, however many handler annotations it has.
        Set<ExecutableElement> seen = new LinkedHashSet<>();
        List<StrayHandler> strays = new ArrayList<>();
        for (HandlerKind kind : HandlerKind.values()) {
            for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(kind.annotation()))) {
                TypeElement owner = (TypeElement) method.getEnclosingElement();
                if (!isEndpoint(owner) && !isEndpointBase(owner) && seen.add(method)) {
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
        return new Scan(List.copyOf(endpoints), strays, strayPathParams);
    }

    private static boolean isEndpoint(TypeElement type) {
        return type.getAnnotation(Route.class) != null || type.getAnnotation(WebSocketClient.class) != null;
    }

    /**
     * Whether a class is meant as a superclass of routes or clients, so that its handlers are read through them: it
     * is abstract, or a {@code @Route} or {@code @WebSocketClient} class of this compilation extends it. An interface
     * is neither: routes and clients do not inherit handlers from interfaces.
     */
    private boolean isEndpointBase(TypeElement type) {
        return type.getKind() == ElementKind.CLASS
                && (type.getModifiers().contains(Modifier.ABSTRACT)
                        || endpointBases.contains(type.getQualifiedName().toString()));
    }

    /** Notes the superclasses of a route or client. By name: elements of one round need not be those of the next. */
    private void noteSuperclasses(TypeElement endpoint) {
        HandlerMethods.classes(endpoint).stream().skip(1)
                .forEach(type -> endpointBases.add(type.getQualifiedName().toString()));
    }
}
