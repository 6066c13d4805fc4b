/**
 * Switchboard: annotated WebSocket routes on Jakarta WebSocket, standalone on Tyrus and Grizzly or in any Jakarta
 * container.
 *
 * <p>Exports the API ({@code dev.switchboard}) and the interface generated route adapters implement
 * ({@code dev.switchboard.binding}); everything else is internal. The standalone host's libraries, the Servlet API,
 * Micrometer, Lettuce, Spring Boot, JUnit and the compiler API are read only when present: a WAR runs without Tyrus and Grizzly, a
 * standalone server without the Servlet API, and both without Micrometer, Spring and the JSON libraries. On the class path (WARs,
 * {@code java -cp}, Spring Boot) the same jar works through its {@code META-INF/services} and {@code META-INF/spring}
 * files.
 */
module dev.switchboard {
    requires transitive jakarta.websocket;
    // The client: WebSocketConnector runs on the JDK's java.net.http.WebSocket, and takes an HttpClient.
    requires transitive java.net.http;

    // The annotation processor, run by javac.
    requires static java.compiler;
    // The WAR host, on the container's Servlet API.
    requires static jakarta.servlet;
    // Route instances from CDI in a WAR, where the container has it.
    requires static jakarta.cdi;
    // The standalone host.
    requires static org.glassfish.tyrus.core;
    requires static org.glassfish.tyrus.spi;
    requires static org.glassfish.tyrus.server;
    requires static org.glassfish.tyrus.container.grizzly.server;
    requires static org.glassfish.grizzly;
    requires static org.glassfish.grizzly.http;
    requires static org.glassfish.grizzly.http.server;
    // JacksonCodec and JsonbCodec, each read only when its library is present.
    requires static com.fasterxml.jackson.core;
    requires static com.fasterxml.jackson.databind;
    requires static tools.jackson.core;
    requires static tools.jackson.databind;
    requires static jakarta.json;
    requires static jakarta.json.bind;
    // Metrics.micrometer(registry), the one part that names Micrometer (an automatic module of this name).
    requires static micrometer.core;
    // Cluster.redis(uri), the one part that names Lettuce (an automatic module of this name).
    requires static lettuce.core;
    // The Spring Boot auto-configuration (automatic modules of these names).
    requires static spring.boot;
    requires static spring.boot.autoconfigure;
    requires static spring.context;
    requires static spring.beans;
    requires static spring.core;
    // The JUnit 5 test kit (SwitchboardTest, SwitchboardExtension), used only by tests that have JUnit.
    requires static org.junit.jupiter.api;
    // sun.misc.Signal, for Switchboard#serveUntilShutdown; in every JDK.
    requires jdk.unsupported;

    exports dev.switchboard;
    exports dev.switchboard.binding;
    // Tyrus calls a route's endpoint, its one Jakarta Endpoint, reflectively.
    exports dev.switchboard.runtime to org.glassfish.tyrus.core;
    // Spring makes the auto-configuration and calls its bean method reflectively (spring.core makes them accessible).
    opens dev.switchboard.spring to spring.core, spring.beans;

    uses dev.switchboard.binding.RouteBinding;
    // The adapters of @WebSocketClient classes, indexed apart from the routes.
    uses dev.switchboard.binding.ClientBinding;
    // The codec the class path offers; Switchboard's own skip themselves when their library is absent.
    uses dev.switchboard.Codec;
    provides dev.switchboard.Codec with dev.switchboard.JacksonCodec, dev.switchboard.Jackson3Codec,
            dev.switchboard.JsonbCodec;

    provides javax.annotation.processing.Processor with dev.switchboard.processor.RouteProcessor;
    // No "provides jakarta.servlet.ServletContainerInitializer": containers find it in META-INF/services of a jar in
    // WEB-INF/lib, and on the module path the clause would make every application need the Servlet API.
}
