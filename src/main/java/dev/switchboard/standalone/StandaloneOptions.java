package dev.switchboard.standalone;

import dev.switchboard.ServerSettings;
import jakarta.websocket.server.ServerEndpointConfig;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code Switchboard.Builder} was told, for {@link GrizzlyHost#create} to check and serve: the server-wide
 * settings, and what only the standalone server has.
 *
 * @param host                    the address to bind
 * @param port                    the port to bind, 0 for any free one
 * @param routes                  the route classes given
 * @param discoverRoutes          whether every indexed route on the class path is served too
 * @param classLoader             where the route index and adapters are, or {@code null} for the thread's
 * @param endpoints               plain Jakarta WebSocket endpoints to serve beside the routes
 * @param settings                the settings routes inherit
 * @param blockingHandlers        whether handlers may block, and so run on worker threads
 * @param staticFolder            a class-path folder whose files are served over HTTP, or {@code null}
 * @param tlsContext              the TLS context to serve with, or {@code null}
 * @param tlsKeystore             a PKCS12 keystore to serve with instead, or {@code null}
 * @param tlsPassword             the keystore's password, or {@code null}
 * @param handshakeTimeout        how long a client may take to send a whole request head
 * @param maxHandshakeHeaderBytes the largest request head accepted
 * @param perMessageDeflate       whether routes offer permessage-deflate
 */
public record StandaloneOptions(String host, int port, List<Class<?>> routes, boolean discoverRoutes,
                                ClassLoader classLoader, List<ServerEndpointConfig> endpoints, ServerSettings settings,
                                boolean blockingHandlers, String staticFolder, SSLContext tlsContext, Path tlsKeystore,
                                char[] tlsPassword, Duration handshakeTimeout, int maxHandshakeHeaderBytes,
                                boolean perMessageDeflate) {
}
