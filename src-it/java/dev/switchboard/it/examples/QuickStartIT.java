package dev.switchboard.it.examples;

import dev.switchboard.it.AppOutput;
import dev.switchboard.it.QuickStartProjects;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void installTheLibraryJustBuilt() throws Exception {
        QuickStartProjects.assertDependsOnTheLibrary("standalone");
        QuickStartProjects.assertDependsOnTheLibrary("war");
        assertTrue(Files.readString(QuickStartProjects.DIR.resolve("standalone/pom.xml"))
                        .contains("<version>" + System.getProperty("tyrus.version") + "</version>"),
                "the standalone pom.xml must name the Tyrus the library is built with");
        QuickStartProjects.installLibrary();
    }

    @Test
    void theStandaloneAppBuildsAndServesItsChatUntilSigterm(@TempDir Path dir) throws Exception {
        Path project = QuickStartProjects.copy("standalone", dir);
        Process app = QuickStartProjects.maven(project, "package", "exec:java",
                "-Dexec.args=--host 127.0.0.1 --port 0");
        try {
            AppOutput output = AppOutput.of(app);
            int port = output.port().get(QuickStartProjects.BUILD.toSeconds(), TimeUnit.SECONDS);
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
        Path sources = QuickStartProjects.DIR;
        assertEquals(Files.readString(sources.resolve("standalone/src/main/java/com/example/chat/ChatRoom.java")),
                Files.readString(sources.resolve("war/src/main/java/com/example/chat/ChatRoom.java")),
                "the quick start says the WAR's ChatRoom.java is the standalone app's");
        Path project = QuickStartProjects.copy("war", dir);
        QuickStartProjects.mavenSucceeds(project, "building the WAR", "package");

        try (ZipFile war = new ZipFile(project.resolve("target/app.war").toFile())) {
            List<String> entries = war.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("WEB-INF/lib/switchboard-" + QuickStartProjects.VERSION + ".jar"),
                    entries.stream().filter(name -> name.startsWith("WEB-INF/lib/") && !name.endsWith("/")).toList(),
                    "the library alone: the container is the server and provides the Jakarta APIs");
            assertTrue(entries.containsAll(List.of("WEB-INF/classes/com/example/chat/ChatRoom.class",
                    "WEB-INF/classes/com/example/chat/ChatRoom_SwitchboardRoute.class")), entries.toString());
            ZipEntry index = war.getEntry("WEB-INF/classes/META-INF/services/dev.switchboard.binding.RouteBinding");
            assertEquals("com.example.chat.ChatRoom_SwitchboardRoute",
                    new String(war.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
