package dev.switchboard.it.examples;

import dev.switchboard.it.AppOutput;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start's projects (src-it/quickstart, shown whole in docs/quick-start.md), copied as a user would copy
 * them, build with Maven against the library jar just built: the standalone app serves its chat, and the WAR
 * holds the library, the route and its adapter, and nothing else in WEB-INF/lib. Runs the build's own Maven,
 * online: on a fresh machine it fetches the plugins the projects use.
 */
class QuickStartIT {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path QUICK_START = ROOT.resolve("src-it/quickstart");
    private static final String VERSION = System.getProperty("switchboard.version");
    private static final Duration BUILD = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void installTheLibraryJustBuilt() throws Exception {
        for (String project : List.of("standalone", "war")) {
            String pom = Files.readString(QUICK_START.resolve(project).resolve("pom.xml"));
            assertTrue(pom.contains("<artifactId>switchboard</artifactId>\n      <version>" + VERSION + "</version>"),
                    "the quick start's " + project + " pom.xml must name the version just built, " + VERSION);
        }
        assertTrue(Files.readString(QUICK_START.resolve("standalone/pom.xml"))
                        .contains("<version>" + System.getProperty("tyrus.version") + "</version>"),
                "the standalone pom.xml must name the Tyrus the library is built with");
        Process install = maven(ROOT, "install:install-file", "-Dfile=" + System.getProperty("switchboard.jar"),
                "-DpomFile=pom.xml");
        AppOutput output = AppOutput.of(install);
        assertTrue(install.waitFor(BUILD.toSeconds(), TimeUnit.SECONDS), "Maven did not end");
        await().atMost(WAIT).until(output::ended);
        assertEquals(0, install.exitValue(), "installing the library failed:\n" + output.text());
    }

    @Test
    void theStandaloneAppBuildsAndServesItsChatUntilSigterm(@TempDir Path dir) throws Exception {
        Path project = copy("standalone", dir);
        Process app = maven(project, "package", "exec:java", "-Dexec.args=--host 127.0.0.1 --port 0");
        try {
            AppOutput output = AppOutput.of(app);
            int port = output.port().get(BUILD.toSeconds(), TimeUnit.SECONDS);
            URI lobby = URI.create("ws://127.0.0.1:" + port + "/chat/lobby");
            try (WsClient ann = WsClient.connect(lobby); WsClient bob = WsClient.connect(lobby)) {
                // Each member's own message comes back to it once it has joined the room: then both are in.
                ann.sendText("ann here");
                bob.sendText("bob here");
                await().atMost(WAIT).until(() -> ann.texts.contains("ann here") && bob.texts.contains("bob here"));

                ann.sendText("hello");
                await().atMost(WAIT).until(() -> bob.texts.contains("hello"));
                bob.socket().sendClose(1000, "bye").join();
                await().atMost(WAIT).until(() -> ann.texts.contains("a member left (CLIENT_CLOSED)"));

                app.toHandle().destroy(); // SIGTERM: the app drains and Maven ends
                assertEquals(1001, ann.closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
            }
            assertTrue(app.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the app exits after draining");
            await().atMost(WAIT).until(output::ended);
            assertEquals(0, app.exitValue(), output.text());
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void theWarHoldsTheLibraryAndTheRouteWithItsAdapterAndNoServer(@TempDir Path dir) throws Exception {
        assertEquals(Files.readString(QUICK_START.resolve("standalone/src/main/java/com/example/chat/ChatRoom.java")),
                Files.readString(QUICK_START.resolve("war/src/main/java/com/example/chat/ChatRoom.java")),
                "the quick start says the WAR's ChatRoom.java is the standalone app's");
        Path project = copy("war", dir);
        Process build = maven(project, "package");
        AppOutput output = AppOutput.of(build);
        assertTrue(build.waitFor(BUILD.toSeconds(), TimeUnit.SECONDS), "Maven did not end");
        await().atMost(WAIT).until(output::ended);
        assertEquals(0, build.exitValue(), "the WAR did not build:\n" + output.text());

        try (ZipFile war = new ZipFile(project.resolve("target/app.war").toFile())) {
            List<String> entries = war.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("WEB-INF/lib/switchboard-" + VERSION + ".jar"),
                    entries.stream().filter(name -> name.startsWith("WEB-INF/lib/") && !name.endsWith("/")).toList(),
                    "the library alone: the container is the server and provides the Jakarta APIs");
            assertTrue(entries.containsAll(List.of("WEB-INF/classes/com/example/chat/ChatRoom.class",
                    "WEB-INF/classes/com/example/chat/ChatRoom_SwitchboardRoute.class")), entries.toString());
            ZipEntry index = war.getEntry("WEB-INF/classes/META-INF/services/dev.switchboard.binding.RouteBinding");
            assertEquals("com.example.chat.ChatRoom_SwitchboardRoute",
                    new String(war.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    /** A copy of a quick-start project's pom.xml and sources, as a user would make it. */
    private static Path copy(String name, Path dir) throws IOException {
        Path from = QUICK_START.resolve(name);
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        Files.copy(from.resolve("pom.xml"), to.resolve("pom.xml"));
        try (Stream<Path> files = Files.walk(from.resolve("src"))) {
            files.forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    /** The build's own Maven, on the JDK of this test, with the build's local repository. */
    private static Process maven(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-ntp"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }
}
