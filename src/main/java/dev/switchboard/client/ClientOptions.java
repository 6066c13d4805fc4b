package dev.switchboard.client;

import dev.switchboard.ClientStateChange;
import dev.switchboard.Reconnect;
import dev.switchboard.ServerSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * What a {@code WebSocketConnector} was told, for one client.
 *
 * @param clientClass      the {@code @WebSocketClient} class
 * @param instance         its instance, or {@code null} to make one
 * @param uri              the server's URI
 * @param headers          the headers of every handshake
 * @param subprotocols     the subprotocols offered
 * @param sslContext       the TLS context, or {@code null} for the default
 * @param httpClient       the HTTP client to use, or {@code null} to make one
 * @param handshakeTimeout how long a handshake may take
 * @param settings         limits, heartbeat and codec of its connections
 * @param reconnect        whether and how it reconnects
 * @param refreshHeaders   new headers after a refusal, or {@code null}
 * @param stateListener    told each change of state
 */
public record ClientOptions(Class<?> clientClass, Object instance, URI uri, Map<String, String> headers,
                            List<String> subprotocols, SSLContext sslContext, HttpClient httpClient,
                            Duration handshakeTimeout, ServerSettings settings, Reconnect reconnect,
                            Supplier<Map<String, String>> refreshHeaders, Consumer<ClientStateChange> stateListener) {
}
