package dev.switchboard;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JUnit 5 extension of the test kit: starts a {@link Switchboard} before a test class's tests and stops it
 * after them (or points at a server that is already running), hands tests a {@link TestClient} and the server
 * as parameters, and closes the client's connections after each test.
 *
 * <p>{@link SwitchboardTest @SwitchboardTest} registers it for a class. For settings of the test's own, register
 * it in a static field with the server's builder:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SwitchboardExtension server = SwitchboardExtension.serving(Switchboard.builder().port(0)
 *         .heartbeat(Heartbeat.every(Duration.ofMillis(200))).route(ChatRoute.class));
 * }</pre>
 *
 * <p>Registered in an instance field instead, it starts the server before each test and stops it after it.
 * Nested test classes share the server of the class that started it.
 */
public final class SwitchboardExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** What {@link #serving} was given, or {@code null} for what {@link SwitchboardTest} on the class says. */
    private final Switchboard.Builder builder;
    /** What {@link #at} was given. */
    private final URI fixedUri;

    private Switchboard server;
    private TestClient client;
    /** The unique id of the context that started, so that only it stops (not its nested classes, nor a test). */
    private String startedBy;

    /**
     * The extension as {@link SwitchboardTest} registers it, configured by that annotation on the test class.
     * Tests register it with {@link #serving} or {@link #at} instead.
     */
    public SwitchboardExtension() {
        this(null, null);
    }

    private SwitchboardExtension(Switchboard.Builder builder, URI fixedUri) {
        this.builder = builder;
        this.fixedUri = fixedUri;
    }

    /**
     * An extension that builds and starts a server from this builder before the tests, and stops it after them.
     * Give the builder {@code port(0)} for a free port (its default is 8080); the client connects to its host, or
     * to 127.0.0.1 if it listens on every address.
     *
     * @param builder the server's builder, with its routes and settings
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static SwitchboardExtension serving(Switchboard.Builder builder) {
        return new SwitchboardExtension(Objects.requireNonNull(builder, "builder"), null);
    }

    /**
     * An extension for a server that is already running, e.g. a WAR on a container.
     *
     * @param baseUri the {@code ws://} URI of the server or application, paths of the tests following it
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static SwitchboardExtension at(URI baseUri) {
        return new SwitchboardExtension(null, Objects.requireNonNull(baseUri, "baseUri"));
    }

    /**
     * The client of the server, for tests that take no parameter.
     *
     * @return the client
     * @throws IllegalStateException before the extension started
     */
    public TestClient client() {
        if (client == null) {
            throw new IllegalStateException("The Switchboard extension has not started yet");
        }
        return client;
    }

    /**
     * The server this extension started.
     *
     * @return the server, started
     * @throws IllegalStateException before it started, or if the extension was given a URI instead
     */
    public Switchboard server() {
        if (server == null) {
            throw new IllegalStateException(client == null ? "The Switchboard extension has not started yet"
                    : "The Switchboard extension started no server: it talks to one at " + client.uri());
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context); // registered in an instance field: a server per test
    }

    private synchronized void start(ExtensionContext context) {
        if (client != null) {
            return;
        }
        URI base;
        if (builder != null) {
            Switchboard started = builder.build().start();
            if (started.secure()) {
                started.stop();
                throw new ExtensionConfigurationException("The test kit's client speaks ws:// only: serve the tests "
                        + "without TLS");
            }
            server = started;
            base = URI.create("ws://" + clientHost(builder.host) + ":" + server.port());
        } else if (fixedUri != null) {
            base = fixedUri;
        } else {
            base = fromAnnotation(context);
        }
        client = TestClient.of(base);
        startedBy = context.getUniqueId();
    }

    private URI fromAnnotation(ExtensionContext context) {
        SwitchboardTest test = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, SwitchboardTest.class))
                .orElseThrow(() -> new ExtensionConfigurationException("SwitchboardExtension needs @SwitchboardTest on "
                        + "the test class, or registration with SwitchboardExtension.serving(builder) or at(uri)"));
        if (!test.uri().isEmpty()) {
            if (test.routes().length > 0) {
                throw new ExtensionConfigurationException("@SwitchboardTest takes routes or a uri, not both");
            }
            return URI.create(resolve(test.uri()));
        }
        if (test.routes().length == 0) {
            throw new ExtensionConfigurationException("@SwitchboardTest needs routes = {...} to serve, or the uri of a "
                    + "server that is running");
        }
        Switchboard.Builder routes = Switchboard.builder().host("127.0.0.1").port(0);
        for (Class<?> route : test.routes()) {
            routes.route(route);
        }
        server = routes.build().start();
        return URI.create("ws://127.0.0.1:" + server.port());
    }

    /** Replaces every {@code ${name}} with the system property {@code name}. */
    private static String resolve(String uri) {
        Matcher matcher = PROPERTY.matcher(uri);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = System.getProperty(matcher.group(1));
            if (value == null) {
                throw new ExtensionConfigurationException("@SwitchboardTest(uri = \"" + uri + "\") needs the system "
                        + "property " + matcher.group(1) + ", which is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(resolved).toString();
    }

    private static String clientHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1"
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestClient current = client;
        if (current != null) {
            current.closeAll();
        }
        stopIfStartedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    private synchronized void stopIfStartedBy(ExtensionContext context) {
        if (startedBy == null || !startedBy.equals(context.getUniqueId())) {
            return;
        }
        client.closeAll();
        if (server != null) {
            server.stop();
        }
        server = null;
        client = null;
        startedBy = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestClient.class || type == Switchboard.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        start(extensionContext); // a constructor's parameters come before beforeEach, e.g. of a nested class
        if (parameterContext.getParameter().getType() == TestClient.class) {
            return client;
        }
        if (server == null) {
            throw new ParameterResolutionException("No Switchboard to inject: the extension talks to a server at "
                    + client.uri() + " that it did not start");
        }
        return server;
    }
}
