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

    /** Tyrus's buffer is one array: frames stay below 2 GiB, as {@code Builder.maxMessageSize} does. */
    private static final long LARGEST_FRAME_PAYLOAD = Integer.MAX_VALUE - 64;

    private final TyrusWebSocketEngine engine;
    private final long largestPayload;

    /**
     * @param largestMessage the largest message any route accepts. Tyrus buffers a whole frame before
     *                       anything sees it, so its buffer must hold a frame of that size; a larger frame is
     *                       refused by its head with 1009 ({@link FrameLimit}) before it reaches the buffer
     */
    StandaloneContainer(long largestMessage) {
        super((Set<Class<?>>) null);
        this.largestPayload = Math.min(largestMessage, LARGEST_FRAME_PAYLOAD);
        this.engine = TyrusWebSocketEngine.builder(this)
                .incomingBufferSize((int) largestPayload + FrameLimit.LARGEST_HEAD).build();
        // Switchboard's own heartbeat and idle timeout govern sessions. Tyrus's must be off, and negative is the
        // only off it knows: at 0, the spec's "none", Tyrus 2.2 still cancels and schedules an idle check on its
        // timer for every message received and sent, a task, a lock and a wake-up each.
        setDefaultMaxSessionIdleTimeout(-1);
    }

    /**
     * The largest payload a frame may carry, and a message inflate to: the largest message any route accepts,
     * below 2 GiB.
     *
     * @return the limit in bytes
     */
    long largestPayload() {
        return largestPayload;
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
        return engine; // what the host's TyrusUpgradeFilter upgrades connections with
    }
}
