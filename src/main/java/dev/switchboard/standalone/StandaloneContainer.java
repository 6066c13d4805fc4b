package dev.switchboard.standalone;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.util.Map;
import java.util.Set;

/**
 * Tyrus's server container without a network server of its own: the {@link GrizzlyHost} owns the Grizzly
 * {@code HttpServer} (Tyrus's stock Grizzly container binds 0.0.0.0 whatever host it is given).
 */
final class StandaloneContainer extends TyrusServerContainer {

    static final String CONTEXT_PATH = "/";

    private final TyrusWebSocketEngine engine;

    /**
     * @param largestFrame the largest frame to accept: Tyrus buffers a whole frame before anything sees it,
     *                     and closes with 1011 on a larger one, so it must hold the largest allowed message
     */
    StandaloneContainer(int largestFrame) {
        super((Set<Class<?>>) null);
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(largestFrame).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, CONTEXT_PATH);
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, CONTEXT_PATH);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }
}
