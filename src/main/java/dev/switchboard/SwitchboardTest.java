package dev.switchboard;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JUnit 5 test class of WebSocket routes: a {@link Switchboard} serving {@link #routes()} on a free port of
 * 127.0.0.1 starts before the class's tests and stops after them, or, with {@link #uri()}, the tests talk to a
 * server that is already running (a WAR on a container). Test methods, constructors and lifecycle methods take a
 * {@link TestClient} parameter, and a {@link Switchboard} one when the extension started the server; the
 * client's connections are closed after each test.
 *
 * <pre>{@code
 * @SwitchboardTest(routes = EchoRoute.class)
 * class EchoTest {
 *     @Test
 *     void echoes(TestClient client) {
 *         TestConnection connection = client.connect("/echo");
 *         connection.sendText("hello");
 *         assertEquals("hello", connection.awaitText());
 *     }
 * }
 * }</pre>
 *
 * <p>For server settings of a test's own (a short heartbeat, small queues), register the extension in a static
 * field instead: {@link SwitchboardExtension#serving(Switchboard.Builder)}. The test kit needs
 * {@code org.junit.jupiter:junit-jupiter-api} on the test class path; Switchboard itself runs without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SwitchboardExtension.class)
public @interface SwitchboardTest {

    /**
     * The route classes the server serves.
     *
     * @return the routes; empty with {@link #uri()}
     */
    Class<?>[] routes() default {};

    /**
     * The base URI of a server that is already running, instead of starting one: e.g.
     * {@code "ws://127.0.0.1:8080/app"}, or {@code "${app.uri}"} to read it from that system property (any
     * {@code ${name}} in it is replaced by the system property {@code name}, which must be set).
     *
     * @return the base URI; empty to start a server for {@link #routes()}
     */
    String uri() default "";
}
