package dev.switchboard;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What only the standalone server has, on top of the {@link SettingsBuilder server-wide settings}: the address it
 * listens on, TLS, static files, limits of a request head, compression, and how handlers are threaded.
 * {@link Switchboard.Builder} is the one builder of this kind.
 *
 * @param <B> the builder's own type, which each setter returns
 */
public abstract class StandaloneBuilder<B extends StandaloneBuilder<B>> extends SettingsBuilder<B> {

    /** The environment variable that holds the password of the {@code --keystore} file. */
    private static final String KEYSTORE_PASSWORD = "SWITCHBOARD_KEYSTORE_PASSWORD";

    String host = "0.0.0.0";
    int port = 8080;
    String staticFolder;
    SSLContext tlsContext;
    Path tlsKeystore;
    char[] tlsPassword;
    /** 10 seconds: ample for a slow mobile network, short for a client that trickles. */
    Duration handshakeTimeout = Duration.ofSeconds(10);
    /** 16 KiB, as Node's HTTP server: room for large cookies, twice Grizzly's default. */
    int maxHandshakeHeaderBytes = 16 * 1024;
    boolean perMessageDeflate;
    boolean blockingHandlers;

    /** Only {@link Switchboard.Builder} extends it. */
    StandaloneBuilder() {
    }

    /**
     * The address to listen on; only this address is bound.
     *
     * @param host a host name or IP address, e.g. {@code "127.0.0.1"}, or {@code "0.0.0.0"} for all
     * @return this builder
     */
    public B host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return self();
    }
    /**
     * The port to listen on.
     *
     * @param port 0-65535; 0 picks a free port, see {@link Switchboard#port()}
     * @return this builder
     */
    public B port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be 0-65535, was " + port);
        }
        this.port = port;
        return self();
    }
    /**
     * Applies the options of a command line, as the standalone launcher takes them: {@code --host H},
     * {@code --port P}, {@code --keystore F} (a PKCS12 file, served as {@link #tls(Path, char[])} with the
     * password from the environment variable {@code SWITCHBOARD_KEYSTORE_PASSWORD}, so that it never shows in the
     * process list), {@code --blocking-handlers} ({@link #blockingHandlers(boolean) blockingHandlers(true)}),
     * {@code --redis URI} (a cluster of the servers sharing that Redis, {@link Cluster#redis(String)}, with the
     * {@link Cluster#presenceTtl presence settings} of the cluster set before) and
     * {@code --node-id ID} (this node's id in it, {@link Cluster#nodeId(String)}). Each overrides what was set
     * before it.
     *
     * @param args the arguments of {@code main}
     * @return this builder
     * @throws IllegalArgumentException for an unknown option, an option without its value, or
     *                                  {@code --keystore} without the password variable, or {@code --node-id}
     *                                  without {@code --redis}
     * @throws IllegalStateException    for {@code --redis} without Lettuce on the class path
     */
    public B commandLine(String... args) {
        String nodeId = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--redis" -> cluster(Cluster.redis(optionValue(args, ++i)).withPresenceOf(cluster));
                case "--node-id" -> nodeId = optionValue(args, ++i);
                case "--host" -> host(optionValue(args, ++i));
                case "--port" -> port(Integer.parseInt(optionValue(args, ++i)));
                case "--keystore" -> tls(Path.of(optionValue(args, ++i)), keystorePassword());
                case "--blocking-handlers" -> blockingHandlers(true);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: [--host H] [--port P] [--keystore F] [--blocking-handlers] [--redis URI] "
                        + "[--node-id ID]");
            }
        }
        if (nodeId != null) {
            if (cluster == Cluster.local()) {
                throw new IllegalArgumentException("--node-id names this node in a cluster: give --redis URI too");
            }
            cluster(cluster.nodeId(nodeId));
        }
        return self();
    }
    /**
     * How long a client may take to send a whole handshake request, from opening its connection; one that
     * sends nothing or trickles its request in is closed when it passes, while other clients are served.
     * The same limit applies to plain HTTP requests (static files), and to the wait for the next request on
     * a kept-alive HTTP connection. Never to an upgraded WebSocket connection: see {@link #heartbeat} and
     * {@link #idleTimeout}.
     *
     * @param timeout the handshake timeout; 10 seconds if not set, {@link Duration#ZERO} for none
     * @return this builder
     */
    public B handshakeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Handshake timeout must not be negative, was " + timeout);
        }
        this.handshakeTimeout = timeout;
        return self();
    }
    /**
     * The largest handshake request head (request line and headers) accepted; a larger one is answered
     * 431 Request Header Fields Too Large and its connection closed. Plain HTTP requests get the same limit
     * (later requests on a kept-alive HTTP connection are answered 400 by Grizzly).
     *
     * @param bytes the limit, 1 KiB to 1 MiB; 16 KiB if not set
     * @return this builder
     */
    public B maxHandshakeHeaderBytes(int bytes) {
        if (bytes < 1024 || bytes > 1 << 20) {
            throw new IllegalArgumentException("Handshake header limit must be 1 KiB to 1 MiB, was " + bytes);
        }
        this.maxHandshakeHeaderBytes = bytes;
        return self();
    }
    /**
     * Offers permessage-deflate compression (RFC 7692) on every route: a client that asks for it, as browsers
     * and Node's {@code ws} do, exchanges messages compressed both ways. The route's message size limit applies
     * to the message as inflated, and refuses a larger one with 1009 as usual.
     *
     * <p>Off by default, because compression is a trade to make knowingly:
     * <ul>
     * <li>It costs server CPU for every message sent and received, and memory for as long as each session is
     *     open: a compressor and a decompressor with their windows, about 300 KiB per session that has sent or
     *     received a compressed message. It pays where bandwidth is scarce and messages are large and
     *     repetitive (JSON, text), not for small or already compressed ones; messages under 32 bytes are sent
     *     uncompressed.</li>
     * <li>Compressing a secret together with data someone else can influence, in one message or in one
     *     session (the compression context carries over from message to message), lets them learn the secret
     *     from the compressed sizes, as the CRIME and BREACH attacks did over TLS. Leave it off for sessions
     *     that carry tokens, session ids or personal data next to input reflected from other parties.</li>
     * </ul>
     *
     * <p>A compressed message is inflated only up to the largest message size limit of the routes: one that
     * would inflate further closes the session with 1009 ({@link CloseCause#TOO_BIG}) once that many bytes
     * came out, however small it was on the wire, so a "decompression bomb" costs at most that limit. Data that
     * does not inflate closes it with 1007. The client's parameters are negotiated as RFC 7692 says; an offer
     * that limits the server's window below 2^15 bytes, which {@code java.util.zip} cannot do, is declined, and
     * that client talks uncompressed. In a WAR, compression is the container's setting, not Switchboard's.
     *
     * @param enabled {@code true} to offer compression; {@code false}, the default, for none
     * @return this builder
     */
    public B perMessageDeflate(boolean enabled) {
        this.perMessageDeflate = enabled;
        return self();
    }
    /**
     * Whether handlers may block: wait for a database, a blocking HTTP call, a lock held long, a sleep.
     *
     * <p>By default ({@code false}) a connection's handlers run on the I/O thread that read its message, with
     * no hand-off between threads: the fastest way, about a fifth more messages per second than worker threads
     * and a shorter round trip. There a handler must not block, since every connection served by that thread
     * (one per core) waits for it; hand slow work to an executor of your own and write the result from there,
     * as writes never block and may come from any thread. A handler that holds an I/O thread over 250 ms is
     * logged once per route, naming this switch. With {@code true} handlers run on a pool of worker threads
     * that grows to 200, so a handler that blocks holds up only its own connection.
     *
     * @param blocking {@code true} if handlers may block; {@code false}, the default, if they never do
     * @return this builder
     */
    public B blockingHandlers(boolean blocking) {
        this.blockingHandlers = blocking;
        return self();
    }
    /**
     * Serves the files of a class-path folder over HTTP next to the routes, e.g. {@code "public"} serves
     * {@code public/index.html} at {@code /} and {@code /index.html}.
     *
     * @param classPathFolder the folder, without leading or trailing slash
     * @return this builder
     */
    public B staticFiles(String classPathFolder) {
        this.staticFolder = Objects.requireNonNull(classPathFolder, "classPathFolder").replaceAll("^/+|/+$", "");
        return self();
    }
    /**
     * Serves {@code wss://} (and {@code https://} for static files) with the key and certificate chain of a
     * PKCS12 keystore, such as {@code keytool -genkeypair -storetype PKCS12} writes. The keystore is read
     * by {@link Switchboard.Builder#build()}, which fails if it cannot be. Replaces an earlier
     * {@link #tls(SSLContext)}.
     *
     * @param pkcs12Keystore the keystore file; it must hold a private key with its certificate
     * @param password       the keystore's password, which PKCS12 also uses for the key; copied, so the
     *                       caller may clear its array
     * @return this builder
     */
    public B tls(Path pkcs12Keystore, char[] password) {
        this.tlsKeystore = Objects.requireNonNull(pkcs12Keystore, "pkcs12Keystore");
        this.tlsPassword = Objects.requireNonNull(password, "password").clone();
        this.tlsContext = null;
        return self();
    }
    /**
     * Serves {@code wss://} (and {@code https://} for static files) with a TLS context the application
     * made, e.g. from a keystore of another type or with its own key managers. The server uses it in server
     * mode and asks no client certificate. Replaces an earlier {@link #tls(Path, char[])}.
     *
     * @param context an initialized TLS context holding the server's key
     * @return this builder
     */
    public B tls(SSLContext context) {
        this.tlsContext = Objects.requireNonNull(context, "context");
        this.tlsKeystore = null;
        this.tlsPassword = null;
        return self();
    }
    private static String optionValue(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
    private static char[] keystorePassword() {
        String password = System.getenv(KEYSTORE_PASSWORD);
        if (password == null) {
            throw new IllegalArgumentException("--keystore needs the keystore's password in the environment "
                    + "variable " + KEYSTORE_PASSWORD);
        }
        return password.toCharArray();
    }
}
