package dev.switchboard.standalone;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Tyrus's engine as its Grizzly filter uses it, with a {@link FrameLimit} in front of every upgraded
 * connection's read handler. Tyrus has no setting that turns an oversized frame into 1009, and its Grizzly
 * filter reaches the engine and each connection only through these SPI interfaces: wrapping them puts the
 * limit where the bytes are read, in order, with Tyrus's own close at hand. (A Grizzly filter in front of
 * Tyrus's could write a close frame, but not reach Tyrus's connection, which that filter keeps to itself: Tyrus
 * would report the end as 1006.)
 *
 * <p>The same wrapping gives each connection's session its {@link EncodedFrameWriter}, for broadcasts, and puts
 * a {@link LingeringClose} below it, which keeps the socket open after the server's close frame until the
 * client has answered.
 */
final class FrameLimitEngine implements WebSocketEngine {

    private final WebSocketEngine engine;
    private final long maxPayload;
    private final ClosingConnections closings;

    /**
     * @param engine     Tyrus's engine
     * @param maxPayload the largest payload a data frame may carry: the largest message any route accepts
     * @param closings   the host's connections that wait for their client's close
     */
    FrameLimitEngine(WebSocketEngine engine, long maxPayload, ClosingConnections closings) {
        this.engine = engine;
        this.maxPayload = maxPayload;
        this.closings = closings;
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        UpgradeInfo upgrade = engine.upgrade(request, response);
        if (upgrade.getStatus() != UpgradeStatus.SUCCESS) {
            return upgrade;
        }
        return new UpgradeInfo() {
            @Override
            public UpgradeStatus getStatus() {
                return UpgradeStatus.SUCCESS;
            }

            @Override
            public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                LingeringClose lingering = new LingeringClose(writer, closings);
                EncodedFrameWriter frames = new EncodedFrameWriter(lingering);
                return OpeningConnection.open(frames, () ->
                        new Limited(upgrade.createConnection(frames, closeListener), lingering, maxPayload));
            }
        };
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
        engine.register(serverConfig, contextPath);
    }

    /** Tyrus's connection, read through a {@link FrameLimit}. */
    private static final class Limited implements Connection {

        private final Connection tyrus;
        private final LingeringClose lingering;
        private final FrameLimit reads;

        Limited(Connection tyrus, LingeringClose lingering, long maxPayload) {
            this.tyrus = tyrus;
            this.lingering = lingering;
            this.reads = new FrameLimit(tyrus, lingering, maxPayload);
        }

        @Override
        public ReadHandler getReadHandler() {
            return reads;
        }

        @Override
        public Writer getWriter() {
            return tyrus.getWriter();
        }

        @Override
        public CloseListener getCloseListener() {
            return tyrus.getCloseListener();
        }

        /** Tyrus's Grizzly filter calls this when the socket has closed, by either side. */
        @Override
        public void close(CloseReason reason) {
            lingering.socketClosed();
            tyrus.close(reason);
        }
    }
}
