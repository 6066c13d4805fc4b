package dev.switchboard.docs;

import dev.switchboard.Heartbeat;
import dev.switchboard.Metrics;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatRoute;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The standalone server's settings as docs/hosts.md shows them. {@code DocsExamplesIT} runs
 * {@link #everySetting()}; the TLS lines are compiled only, since they bind port 8443 and read a keystore file
 * ({@code TlsIT} tests TLS).
 */
public final class ServerSnippets {

    private ServerSnippets() {
    }

    /** A server on a free port of 127.0.0.1 with every setting spelled out, started. */
    public static Switchboard everySetting() {
        // tag::builder[]
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1")              // binds only this address; default 0.0.0.0
                .port(0)                        // 0 picks a free port: server.port() tells which
                .route(ChatRoute.class)         // or .discoverRoutes() for every indexed route on the class path
                .sendQueueLimits(SendQueueLimits.DEFAULT)
                .heartbeat(Heartbeat.DEFAULT)           // ping every 30 s; Heartbeat.OFF for none
                .idleTimeout(Duration.ZERO)             // none
                .staticFiles("public")                  // serve class-path files from public/ over HTTP
                .handshakeTimeout(Duration.ofSeconds(10))   // a whole request head within this, or the connection is closed
                .maxHandshakeHeaderBytes(16 * 1024)         // larger request heads get 431
                .shutdownTimeout(Duration.ofSeconds(10))
                .perMessageDeflate(false)               // true offers compression (RFC 7692); see below
                .blockingHandlers(false)                // true if handlers block: they run on worker threads
                .metrics(Metrics.NONE)                  // Metrics.micrometer(registry) reports to Micrometer
                .build()
                .start();
        // end::builder[]
        return server;
    }

    /** Two servers on {@code wss://}: from a keystore file, and from a TLS context. Never called. */
    static void tls(char[] password, SSLContext sslContext) {
        // tag::tls[]
        Switchboard.builder().port(8443).route(ChatRoute.class)
                .tls(Path.of("server.p12"), password)   // a PKCS12 keystore with the key and its certificate chain
                .build().start();

        Switchboard.builder().port(8443).route(ChatRoute.class)
                .tls(sslContext)                        // any initialized javax.net.ssl.SSLContext
                .build().start();
        // end::tls[]
    }
}
