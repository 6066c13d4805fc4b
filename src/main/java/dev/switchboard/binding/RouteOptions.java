package dev.switchboard.binding;

import dev.switchboard.Codec;
import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.OverflowAction;
import dev.switchboard.Route;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A route's settings as its {@link Route} annotation declares them, written as literals by the generated
 * adapter, so that the runtime never reads the annotation. Each value means what the attribute of the same name
 * means, "take the server's setting" included ({@code 0} or {@code -1}, {@link OverflowAction#INHERIT}); the
 * runtime applies the server's settings.
 *
 * @param shared             {@link Route#shared()}
 * @param maxQueuedMessages  {@link Route#maxQueuedMessages()}
 * @param maxQueuedBytes     {@link Route#maxQueuedBytes()}
 * @param onOverflow         {@link Route#onOverflow()}
 * @param maxMessageBytes    {@link Route#maxMessageBytes()}
 * @param sendTimeoutSeconds {@link Route#sendTimeoutSeconds()}
 * @param heartbeatSeconds   {@link Route#heartbeatSeconds()}
 * @param idleTimeoutSeconds {@link Route#idleTimeoutSeconds()}
 * @param origins            {@link Route#origins()}
 * @param subprotocols       {@link Route#subprotocols()}
 * @param maxSessions        {@link Route#maxSessions()}
 * @param handshake          makes the check named by {@link Route#handshake()} (the adapter passes its
 *                           constructor, {@code MyCheck::new}), or {@code null} if the route names none
 * @param codec              makes the codec named by {@link Route#codec()}, or {@code null} if the route names none
 * @param maxStreamBytes     {@link Route#maxStreamBytes()}
 */
public record RouteOptions(boolean shared, int maxQueuedMessages, long maxQueuedBytes, OverflowAction onOverflow,
                           long maxMessageBytes, int sendTimeoutSeconds, int heartbeatSeconds,
                           int idleTimeoutSeconds, List<String> origins, List<String> subprotocols, int maxSessions,
                           Supplier<? extends HandshakeCheck> handshake, Supplier<? extends Codec> codec,
                           long maxStreamBytes) {

    /**
     * Copies the lists, so the options cannot change.
     *
     * @param shared             {@link Route#shared()}
     * @param maxQueuedMessages  {@link Route#maxQueuedMessages()}
     * @param maxQueuedBytes     {@link Route#maxQueuedBytes()}
     * @param onOverflow         {@link Route#onOverflow()}
     * @param maxMessageBytes    {@link Route#maxMessageBytes()}
     * @param sendTimeoutSeconds {@link Route#sendTimeoutSeconds()}
     * @param heartbeatSeconds   {@link Route#heartbeatSeconds()}
     * @param idleTimeoutSeconds {@link Route#idleTimeoutSeconds()}
     * @param origins            {@link Route#origins()}
     * @param subprotocols       {@link Route#subprotocols()}
     * @param maxSessions        {@link Route#maxSessions()}
     * @param handshake          makes the route's check, or {@code null} if the route names none
     * @param codec              makes the route's codec, or {@code null} if the route names none
     * @param maxStreamBytes     {@link Route#maxStreamBytes()}
     * @throws NullPointerException if {@code onOverflow} or a list is null
     */
    public RouteOptions {
        Objects.requireNonNull(onOverflow, "onOverflow");
        origins = List.copyOf(origins);
        subprotocols = List.copyOf(subprotocols);
    }

    /**
     * Makes the route's handshake check, once per deployment of the route.
     *
     * @return a new instance of the route's check, or one that accepts every request if the route names none
     */
    public HandshakeCheck newHandshakeCheck() {
        return handshake == null ? request -> HandshakeDecision.accept() : handshake.get();
    }
}
