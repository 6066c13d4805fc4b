package dev.switchboard.processor;

import dev.switchboard.Route;
import dev.switchboard.WebSocketClient;
import dev.switchboard.binding.ClientBinding;
import dev.switchboard.binding.RouteBinding;

import java.lang.annotation.Annotation;
import javax.lang.model.element.TypeElement;

/**
 * The two kinds of endpoint class the processor checks: a {@code @Route}, served by a server, and a
 * {@code @WebSocketClient}, run by a connector. They follow the same rules, in the same words, but for what only a
 * route has (a path, settings, a handshake check); what differs is named here, so the rules stay in one place.
 */
enum EndpointKind {
    ROUTE(Route.class, "route", "_SwitchboardRoute", RouteBinding.class),
    CLIENT(WebSocketClient.class, "client", "_SwitchboardClient", ClientBinding.class);

    private final Class<? extends Annotation> annotation;
    private final String noun;
    private final String adapterSuffix;
    private final Class<?> binding;

    EndpointKind(Class<? extends Annotation> annotation, String noun, String adapterSuffix, Class<?> binding) {
        this.annotation = annotation;
        this.noun = noun;
        this.adapterSuffix = adapterSuffix;
        this.binding = binding;
    }

    /** The kind of an endpoint class, by its annotation; a class with both is refused before this is asked. */
    static EndpointKind of(TypeElement type) {
        return type.getAnnotation(WebSocketClient.class) != null ? CLIENT : ROUTE;
    }

    Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** How messages name the annotation: {@code @Route}. */
    String label() {
        return "@" + annotation.getSimpleName();
    }

    /** How messages name such a class: {@code route}. */
    String noun() {
        return noun;
    }

    /** The suffix of the adapter's name: {@code ChatRoom} is bound by {@code ChatRoom_SwitchboardRoute}. */
    String adapterSuffix() {
        return adapterSuffix;
    }

    /** The interface the adapter implements, fully qualified. */
    String binding() {
        return binding.getName();
    }

    /** The ServiceLoader index that lists the adapters of this kind. */
    String index() {
        return "META-INF/services/" + binding.getName();
    }

    /** Whether the class has a path template, whose variables {@code @PathParam} parameters receive. */
    boolean hasPath() {
        return this == ROUTE;
    }
}
