package dev.switchboard.binding;

/**
 * What the annotation processor generates for each {@code @WebSocketClient} class: a {@link RouteBinding} whose
 * {@link #path()} is empty, listed in {@code META-INF/services/dev.switchboard.binding.ClientBinding} (apart from the
 * route index, so that no server ever serves a client). The options it carries are its codec only; a connector
 * supplies the rest.
 */
public interface ClientBinding extends RouteBinding {
}
