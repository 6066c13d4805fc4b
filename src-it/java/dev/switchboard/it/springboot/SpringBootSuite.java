package dev.switchboard.it.springboot;

import dev.switchboard.it.AppOutput;
import dev.switchboard.it.QuickStartProjects;
import dev.switchboard.it.clients.Handshake;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start's Spring Boot application (src-it/quickstart/spring-boot, shown in docs/spring-boot.md), copied as
 * a user would copy it, built once with Maven against the library jar just built, and run with {@code java -jar}:
 * its route answers with a Spring bean's greeting, its {@code ServerSettings} bean sets the routes' limits, a path
 * without a route gets 404, and, last, SIGTERM closes the open sessions with Switchboard's drain before the web
 * server stops. A variant's test class gives its pom.xml, made from the documented one:
 *
 * <pre>{@code
 * class SpringBootIT extends SpringBootSuite {
 *     protected String pom(String documented) { return documented; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SpringBootSuite {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Spring Boot's line once its web server listens. */
    private static final Pattern STARTED = Pattern.compile("(?:Tomcat|Jetty) started on port (?<port>\\d+)");
    /** The one origin the app's settings allow. */
    private static final String ALLOWED_ORIGIN = "https://greetings.example";

    private Process app;
    private AppOutput output;
    private URI greet;

    /**
     * The pom.xml of the variant under test.
     *
     * @param documented the quick start's pom.xml
     */
    protected abstract String pom(String documented);

    @BeforeAll
    void buildAndStartTheApp(@TempDir Path dir) throws Exception {
        QuickStartProjects.assertDependsOnTheLibrary("spring-boot");
        QuickStartProjects.installLibrary();
        Path project = QuickStartProjects.copy("spring-boot", dir);
        Files.writeString(project.resolve("pom.xml"), pom(Files.readString(project.resolve("pom.xml"))));
        QuickStartProjects.mavenSucceeds(project, "building the Spring Boot app", "package");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        app = new ProcessBuilder(java, "-jar", "target/app.jar", "--server.address=127.0.0.1", "--server.port=0",
                "--greetings.salutation=Bonjour").directory(project.toFile()).redirectErrorStream(true).start();
        output = AppOutput.of(app, STARTED);
        int port = output.port().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        greet = URI.create("ws://127.0.0.1:" + port + "/greet");
    }

    @AfterAll
    void stopTheApp() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void theRouteAnswersWithTheGreetingOfTheSpringBeanItIsGiven() {
        try (WsClient client = WsClient.connect(greet)) {
            client.sendText("ann");
            await().atMost(WAIT).until(() -> client.texts.contains("Bonjour, ann!"));
        }
    }

    @Test
    @Order(2)
    void theServerSettingsBeanAllowsOneOriginAndLimitsTheMessageSize() throws IOException {
        assertEquals(403, Handshake.attempt(greet, Map.of("Origin", "https://elsewhere.example")).status());
        assertEquals(101, Handshake.attempt(greet, Map.of("Origin", ALLOWED_ORIGIN)).status());
        try (WsClient client = WsClient.connect(greet, Map.of("Origin", ALLOWED_ORIGIN))) {
            client.sendText("x".repeat(1025));
            assertEquals(1009, client.closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
        }
    }

    @Test
    @Order(3)
    void anUpgradeToAPathWithoutARouteGets404() throws IOException {
        assertEquals(404, Handshake.attempt(greet.resolve("/nowhere")).status());
    }

    @Test
    @Order(4)
    void sigtermClosesTheOpenSessionsWithTheDrainBeforeTheServerStops() throws InterruptedException {
        try (WsClient client = WsClient.connect(greet)) {
            client.sendText("bob");
            await().atMost(WAIT).until(() -> client.texts.contains("Bonjour, bob!"));

            app.toHandle().destroy(); // SIGTERM: Spring closes the application context
            assertEquals(1001, client.closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
            assertEquals("application stopping", client.closeReason, "Switchboard's drain, not the server's own close");
        }
        assertTrue(app.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the app exits");
        await().atMost(WAIT).until(output::ended);
        assertEquals(143, app.exitValue(), "the status of a JVM that SIGTERM ended:\n" + output.text());
    }
}
