package dev.switchboard.it.standalone;

import dev.switchboard.it.AppOutput;
import dev.switchboard.it.TestClassPath;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micrometer, Lettuce, the JSON libraries and JUnit are optional: an application without them on its class path
 * serves as before, and one that asks for Micrometer metrics, a Redis cluster or a JSON codec all the same is told
 * the artifact to add.
 */
class WithoutOptionalLibrariesIT {

    /**
     * The jars of Micrometer, Jackson, JSON-B, Lettuce and JUnit (the test kit's), and their own dependencies, as
     * their file names start.
     */
    private static final Pattern OPTIONAL_JARS = Pattern.compile("(micrometer-|HdrHistogram|LatencyUtils|jackson-"
            + "|jakarta\\.json|yasson-|parsson-|lettuce-core-|junit-|opentest4j-|apiguardian-).*\\.jar");
    /** Those of them but Jackson 3 ({@code tools/jackson} in the local repository) and the annotations it uses. */
    private static final Predicate<Path> JACKSON_3 = entry -> entry.toString().contains(
            File.separator + "tools" + File.separator + "jackson" + File.separator)
            || entry.getFileName().toString().startsWith("jackson-annotations-");

    @Test
    void aServerRunsWithoutThemAndAskingForThemNamesTheArtifacts() throws Exception {
        List<String> texts = new ArrayList<>();
        String output = run(entry -> false, texts);
        assertEquals(List.of("hello", "writeObject refused: Route /without-optional-libraries needs a codec for typed"
                + " messages, and none is on the class path: add com.fasterxml.jackson.core:jackson-databind (or"
                + " Jackson 3, tools.jackson.core:jackson-databind), or jakarta.json.bind:jakarta.json.bind-api with"
                + " org.eclipse:yasson, or set a codec with SettingsBuilder.codec(...) or @Route(codec = ...)."), texts);
        assertTrue(output.contains("Metrics.micrometer refused: java.lang.IllegalStateException: "
                + "Metrics.micrometer(registry) needs Micrometer, which is not on the class path: add the "
                + "dependency io.micrometer:micrometer-core"), output);
        assertTrue(output.contains("Cluster.redis refused: java.lang.IllegalStateException: "
                + "Cluster.redis(redisUri) needs Lettuce, which is not on the class path: add the "
                + "dependency io.lettuce:lettuce-core"), output);
        assertTrue(output.contains("new JacksonCodec() refused: java.lang.IllegalStateException: "
                + "new JacksonCodec() needs Jackson, which is not on the class path: add the dependency "
                + "com.fasterxml.jackson.core:jackson-databind"), output);
        assertTrue(output.contains("a typed route refused: java.lang.IllegalStateException: Route /typed needs a codec"
                + " for typed messages, and none is on the class path"), output);
        assertTrue(output.contains("new Jackson3Codec() refused: java.lang.IllegalStateException: new Jackson3Codec()"
                + " needs Jackson 3, which is not on the class path: add the dependency"
                + " tools.jackson.core:jackson-databind"), output);
        assertTrue(output.contains("new JsonbCodec() refused: java.lang.IllegalStateException: "
                + "new JsonbCodec() needs JSON-B, which is not on the class path: add the dependency "
                + "jakarta.json.bind:jakarta.json.bind-api with an implementation, org.eclipse:yasson"), output);
    }

    /** Jackson 3 alone, as a Spring Boot 4 application has it: the class path offers the Jackson codec on it. */
    @Test
    void jackson3AloneIsTheCodecTheClassPathOffers() throws Exception {
        List<String> texts = new ArrayList<>();
        String output = run(JACKSON_3, texts);
        assertEquals(List.of("hello", "[1,2]", "writeObject did not refuse"), texts);
        assertTrue(output.contains("new Jackson3Codec() did not refuse"), output);
        assertTrue(output.contains("a typed route did not refuse"), output);
        assertTrue(output.contains("new JacksonCodec() refused"), output);
        assertTrue(output.contains("new JsonbCodec() refused"), output);
        assertTrue(output.contains("Cluster.redis refused"), output);
    }

    /**
     * Runs {@link WithoutOptionalLibrariesApp} on the test class path without the optional jars but those kept, sends
     * it "hello" and "object", and collects its answers.
     *
     * @return what it printed
     */
    private static String run(Predicate<Path> kept, List<String> texts) throws Exception {
        List<Path> everything = TestClassPath.entries();
        for (String jar : List.of("micrometer-core-", "jackson-databind-", "jakarta.json.bind-api-", "yasson-",
                "lettuce-core-")) {
            assertTrue(everything.stream().anyMatch(entry -> entry.getFileName().toString().startsWith(jar)),
                    "the test's own class path has " + jar + "*");
        }
        List<Path> classPath = everything.stream()
                .filter(entry -> kept.test(entry) || !OPTIONAL_JARS.matcher(entry.getFileName().toString()).matches())
                .toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-cp",
                classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                WithoutOptionalLibrariesApp.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            AppOutput output = AppOutput.of(app);
            int port = output.port().get(60, TimeUnit.SECONDS);
            try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/without-optional-libraries"))) {
                client.sendText("hello");
                client.sendText("object");
                await().atMost(Duration.ofSeconds(20)).until(() -> client.texts.size() >= 2
                        && client.texts.get(client.texts.size() - 1).startsWith("writeObject"));
                texts.addAll(client.texts);
            }
            app.getOutputStream().close(); // the application serves until its input ends

            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the application stops when its input ends");
            await().atMost(Duration.ofSeconds(20)).until(output::ended);
            assertEquals(0, app.exitValue(), output.text());
            return output.text();
        } finally {
            app.destroyForcibly();
        }
    }
}
